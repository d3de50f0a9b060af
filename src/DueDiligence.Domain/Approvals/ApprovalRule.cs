using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Approvals;

/// <summary>How many distinct executives must approve an assessment of one tier, and whether each approval needs a written justification.</summary>
public sealed class ApprovalRule
{
    /// <summary>The most approvals a rule may ask for: enough for a board, few enough that a decision can still be reached.</summary>
    public const int MaxApprovals = 3;

    private ApprovalRule()
    {
    }

    public ApprovalRule(RiskTier tier, int requiredApprovals, bool justificationRequired)
    {
        Tier = tier;
        RequiredApprovals = CheckedApprovals(requiredApprovals);
        JustificationRequired = justificationRequired;
    }

    public RiskTier Tier { get; private set; }

    /// <summary>Approvals from distinct executives needed to approve; a single rejection always decides.</summary>
    public int RequiredApprovals { get; private set; }

    public bool JustificationRequired { get; private set; }

    public string? UpdatedByName { get; private set; }

    public DateTime? UpdatedAtUtc { get; private set; }

    /// <summary>Changes on every change; a save that started from an older version is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>The rules before an administrator changes them: one executive up to High, two and a justification for Critical.</summary>
    public static IReadOnlyList<ApprovalRule> Defaults =>
    [
        new(RiskTier.Low, 1, false),
        new(RiskTier.Medium, 1, false),
        new(RiskTier.High, 1, false),
        new(RiskTier.Critical, 2, true),
    ];

    public static ApprovalRule DefaultFor(RiskTier tier) => Defaults.Single(r => r.Tier == tier);

    public void Change(int requiredApprovals, bool justificationRequired, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequiredApprovals = CheckedApprovals(requiredApprovals);
        JustificationRequired = justificationRequired;
        UpdatedByName = actor.Name;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }

    /// <summary>"1 executive", "2 distinct executives and a written justification".</summary>
    public string Describe() =>
        (RequiredApprovals == 1 ? "1 executive" : $"{RequiredApprovals} distinct executives") + (JustificationRequired ? " and a written justification" : "");

    private static int CheckedApprovals(int requiredApprovals) =>
        requiredApprovals is >= 1 and <= MaxApprovals
            ? requiredApprovals
            : throw new DomainException($"An approval rule needs between 1 and {MaxApprovals} executives; {requiredApprovals} is outside that range.");
}
