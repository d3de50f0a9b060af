using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Assessments;

/// <summary>The approver's decision on an assessment, with the tier and residual risk it was taken on.</summary>
public sealed class AssessmentDecision
{
    private AssessmentDecision()
    {
    }

    internal AssessmentDecision(DecisionOutcome outcome, string rationale, Actor actor, DateTime decidedAtUtc, DateOnly? reassessmentDueOn, ScoreResult atDecision)
    {
        Outcome = outcome;
        Rationale = rationale;
        DecidedById = actor.Id;
        DecidedByName = actor.Name;
        DecidedAtUtc = decidedAtUtc;
        ReassessmentDueOn = reassessmentDueOn;
        Tier = atDecision.Tier;
        ResidualRisk = atDecision.ResidualRisk;
    }

    public DecisionOutcome Outcome { get; private set; }

    public string Rationale { get; private set; } = "";

    public string DecidedById { get; private set; } = "";

    public string DecidedByName { get; private set; } = "";

    public DateTime DecidedAtUtc { get; private set; }

    /// <summary>When the supplier must be assessed again; null for a rejection.</summary>
    public DateOnly? ReassessmentDueOn { get; private set; }

    public RiskTier Tier { get; private set; }

    /// <summary>The residual risk R of the score taken at the decision, unrounded.</summary>
    public double ResidualRisk { get; private set; }
}
