namespace DueDiligence.Domain.Assessments;

/// <summary>Where an assessment is in its workflow: Draft → Submitted → Legal review → Awaiting decision → Decided.</summary>
public enum AssessmentStatus
{
    Draft,
    Submitted,
    LegalReview,
    AwaitingDecision,
    Decided,
}
