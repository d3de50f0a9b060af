namespace DueDiligence.Domain.Scoring;

/// <summary>The residual-risk tier that drives the recommendation and the reassessment interval.</summary>
public enum RiskTier
{
    Low,
    Medium,
    High,
    Critical,
}
