namespace DueDiligence.Domain.Scoring;

/// <summary>When a decided supplier must be assessed again.</summary>
public static class Reassessment
{
    public static DateOnly DueDate(RiskTier tier, DateOnly decidedOn, ScoringPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return decidedOn.AddMonths(policy.ReassessmentMonths(tier));
    }
}
