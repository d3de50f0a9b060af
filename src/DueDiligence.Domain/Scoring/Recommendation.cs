namespace DueDiligence.Domain.Scoring;

/// <summary>What the score recommends to the approver; see <see cref="RecommendationText"/> for the wording.</summary>
public enum Recommendation
{
    Proceed,
    ProceedWithConditions,
    ProceedWithExecutiveApproval,
    DoNotProceed,
}
