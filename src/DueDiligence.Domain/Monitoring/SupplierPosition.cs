using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Monitoring;

/// <summary>
/// Where one supplier stands today, kept so that the dashboard and the "Changed since decision" queue are counted in the
/// database: the live score of its newest submitted assessment, its worst jurisdiction, its control score as the register
/// shows it, its latest decision, and whether it has moved since that decision and why.
/// </summary>
public sealed class SupplierPosition
{
    private SupplierPosition()
    {
    }

    public SupplierPosition(Guid supplierId)
    {
        SupplierId = supplierId;
    }

    public Guid SupplierId { get; private set; }

    /// <summary>The newest assessment past its draft (submitted, in review, awaiting decision or decided): the live figures are its score today.</summary>
    public Guid? LiveAssessmentId { get; private set; }

    public RiskTier? LiveTier { get; private set; }

    public double? LiveResidualRisk { get; private set; }

    /// <summary>The scoring policy of the live figures.</summary>
    public string? PolicyId { get; private set; }

    /// <summary>The control score C of the latest decision snapshot, else of the latest submission snapshot, as the register filters it.</summary>
    public double? ControlScore { get; private set; }

    /// <summary>The lower bound of the band of <see cref="ControlScore"/> (0, 20, 40, 60, 80); null without a score.</summary>
    public int? ControlBand { get; private set; }

    /// <summary>The worst jurisdiction risk J over the countries that count.</summary>
    public double WorstJurisdictionRisk { get; private set; }

    /// <summary>The level of the worst jurisdiction; null when it is unknown (no indicator and no rating).</summary>
    public JurisdictionLevel? WorstJurisdictionLevel { get; private set; }

    public Guid? DecidedAssessmentId { get; private set; }

    public RiskTier? DecidedTier { get; private set; }

    public double? DecidedResidualRisk { get; private set; }

    /// <summary>The scoring policy the decision's figures were computed with.</summary>
    public string? DecidedPolicyId { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>Conditions of the latest decision that are overdue (<see cref="Assessments.ContractCondition.IsOverdueOn"/>).</summary>
    public int OverdueConditions { get; private set; }

    /// <summary>Findings of the latest decision that are overdue (<see cref="Assessments.Finding.IsOverdueOn"/>).</summary>
    public int OverdueFindings { get; private set; }

    /// <summary>On the "Changed since decision" queue: the live tier is worse than the decided one, or a condition is overdue.</summary>
    public bool ChangedSinceDecision { get; private set; }

    /// <summary>What put or kept the supplier on the queue, newest first; null while it is not on it.</summary>
    public string? ChangeReason { get; private set; }

    public DateTime? ChangedAtUtc { get; private set; }

    public DateTime ComputedAtUtc { get; private set; }

    public PositionFigures Live => new(LiveTier, LiveResidualRisk);

    public PositionFigures Decided => new(DecidedTier, DecidedResidualRisk);

    /// <summary>The live score is of the decided assessment itself (no newer submission) and its tier is worse.</summary>
    public bool LiveTierIsWorseThanDecided => DecidedAssessmentId is not null && LiveAssessmentId == DecidedAssessmentId && LiveTier > DecidedTier;

    /// <summary>Takes the figures computed now; says whether any of them moved and whether the supplier newly went on the queue.</summary>
    public PositionMove Update(PositionValues values, string what, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(values);
        var before = Live;
        var wasChanged = ChangedSinceDecision;
        var newDecision = values.DecidedAssessmentId is not null && DecidedAssessmentId != values.DecidedAssessmentId;
        var moved = LiveAssessmentId != values.LiveAssessmentId || LiveTier != values.LiveTier || LiveResidualRisk != values.LiveResidualRisk
            || OverdueConditions != values.OverdueConditions || OverdueFindings != values.OverdueFindings || DecidedAssessmentId != values.DecidedAssessmentId
            || WorstJurisdictionRisk != values.WorstJurisdictionRisk;

        LiveAssessmentId = values.LiveAssessmentId;
        LiveTier = values.LiveTier;
        LiveResidualRisk = values.LiveResidualRisk;
        PolicyId = values.PolicyId;
        ControlScore = values.ControlScore;
        ControlBand = values.ControlBand;
        WorstJurisdictionRisk = values.WorstJurisdictionRisk;
        WorstJurisdictionLevel = values.WorstJurisdictionLevel;
        DecidedAssessmentId = values.DecidedAssessmentId;
        DecidedTier = values.DecidedTier;
        DecidedResidualRisk = values.DecidedResidualRisk;
        DecidedPolicyId = values.DecidedPolicyId;
        DecidedAtUtc = values.DecidedAtUtc;
        OverdueConditions = values.OverdueConditions;
        OverdueFindings = values.OverdueFindings;
        ComputedAtUtc = nowUtc;

        ChangedSinceDecision = LiveTierIsWorseThanDecided || (DecidedAssessmentId is not null && OverdueConditions > 0);
        if (!ChangedSinceDecision)
        {
            ChangeReason = null;
            ChangedAtUtc = null;
        }
        else if (!wasChanged || moved)
        {
            ChangeReason = Common.Text.Required(what, "Say what changed.", 1000);
            ChangedAtUtc = nowUtc;
        }

        return new PositionMove(before, Live, moved, ChangedSinceDecision && !wasChanged, newDecision);
    }
}

/// <summary>Everything a supplier's position holds, as computed now.</summary>
public sealed record PositionValues(
    Guid? LiveAssessmentId,
    RiskTier? LiveTier,
    double? LiveResidualRisk,
    string? PolicyId,
    double? ControlScore,
    int? ControlBand,
    double WorstJurisdictionRisk,
    JurisdictionLevel? WorstJurisdictionLevel,
    Guid? DecidedAssessmentId,
    RiskTier? DecidedTier,
    double? DecidedResidualRisk,
    string? DecidedPolicyId,
    DateTime? DecidedAtUtc,
    int OverdueConditions,
    int OverdueFindings);

/// <summary>
/// What an update did: the live figures before and after, whether any figure moved, whether the supplier newly went on the
/// "changed since decision" queue, and whether a new decision is now the baseline (the decision is not a change since itself).
/// </summary>
public sealed record PositionMove(PositionFigures Before, PositionFigures After, bool Moved, bool WentOnQueue, bool NewDecision);
