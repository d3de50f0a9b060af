using DueDiligence.Domain.Assessments;

namespace DueDiligence.Web.Components.Shared;

/// <summary>How assessment values read on screen.</summary>
public static class AssessmentLabels
{
    public static string Of(AssessmentStatus status) => status switch
    {
        AssessmentStatus.LegalReview => "Legal review",
        AssessmentStatus.AwaitingDecision => "Awaiting decision",
        _ => status.ToString(),
    };

    public static string Of(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.ApprovedWithConditions => "Approved with conditions",
        _ => outcome.ToString(),
    };

    public static readonly IReadOnlyList<AssessmentStatus> Workflow =
        [AssessmentStatus.Draft, AssessmentStatus.Submitted, AssessmentStatus.LegalReview, AssessmentStatus.AwaitingDecision, AssessmentStatus.Decided];
}
