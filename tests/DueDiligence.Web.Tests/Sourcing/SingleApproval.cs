using DueDiligence.Domain.Approvals;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Web.Tests.Sourcing;

/// <summary>For tests about the decision itself rather than the approval rules: one executive's sign-off decides.</summary>
internal static class SingleApproval
{
    public static AssessmentDecision DecideAlone(
        this Assessment assessment, DecisionOutcome outcome, string rationale, ScoreResult score, DateOnly? reassessmentDueOn, Actor executive, DateTime nowUtc) =>
        assessment.Decide(outcome, rationale, score, reassessmentDueOn, new Signatory(executive), nowUtc, new ApprovalRule(score.Tier, 1, justificationRequired: false))
        ?? throw new InvalidOperationException("One approval was expected to decide.");
}
