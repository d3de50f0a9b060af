using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;

using static DueDiligence.Domain.Tests.Assessments.AssessmentScenario;

namespace DueDiligence.Domain.Tests.Assessments;

/// <summary>
/// Conditions and findings are followed up after the decision: started, met or resolved, waived with a reason, reopened,
/// each step in the history with who and when; overdue is computed from the due date; the decision never changes.
/// </summary>
public sealed class FollowUpTests
{
    private const string Sha = Sha256;

    [Fact]
    public void ChangeConditionStatus_WhenDecided_StartsThenMeetsItRecordingWhoAndWhenWithoutTouchingTheDecision()
    {
        var assessment = DecidedAssessmentTests.DecidedWithFindingAndCondition();
        var decision = assessment.Decision;
        var condition = assessment.Conditions[0];

        assessment.ChangeConditionStatus(condition.Id, ConditionStatus.InProgress, null, Analyst, At(100));
        assessment.ChangeConditionStatus(condition.Id, ConditionStatus.Met, null, Legal, At(200));

        Assert.Equal(ConditionStatus.Met, condition.Status);
        Assert.Equal(("Lee Legal", At(200)), (condition.MetByName, condition.MetAtUtc));
        Assert.Equal(
            [(RemediationAction.Started, "Ana Analyst", At(100)), (RemediationAction.Completed, "Lee Legal", At(200))],
            condition.History.Select(s => (s.Action, s.ByName, s.AtUtc)));
        Assert.Same(decision, assessment.Decision);
        Assert.Equal(AssessmentStatus.Decided, assessment.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void ChangeConditionStatus_WaivedWithoutAReason_RefusesAndChangesNothing(string? reason)
    {
        var assessment = DecidedAssessmentTests.DecidedWithFindingAndCondition();
        var condition = assessment.Conditions[0];
        var version = assessment.Version;

        var error = Assert.Throws<DomainException>(() => assessment.ChangeConditionStatus(condition.Id, ConditionStatus.Waived, reason, Legal, At(100)));

        Assert.Equal("Say why the condition “Add audit rights.” is waived.", error.Message);
        Assert.Equal(ConditionStatus.Open, condition.Status);
        Assert.Empty(condition.History);
        Assert.Equal(version, assessment.Version);
    }

    [Fact]
    public void ChangeFindingStatus_WaivedWithAReasonThenReopened_KeepsTheReasonInTheHistoryAndClearsIt()
    {
        var assessment = DecidedAssessmentTests.DecidedWithFindingAndCondition();
        var finding = assessment.Findings[0];

        assessment.ChangeFindingStatus(finding.Id, FindingStatus.Waived, " Accepted: audits are covered by the group agreement. ", Legal, At(100));
        Assert.Equal((FindingStatus.Waived, "Accepted: audits are covered by the group agreement."), (finding.Status, finding.WaiverReason));

        assessment.ChangeFindingStatus(finding.Id, FindingStatus.Open, null, Analyst, At(101));

        Assert.Equal((FindingStatus.Open, (string?)null), (finding.Status, finding.WaiverReason));
        Assert.Equal(
            [(RemediationAction.Waived, "Accepted: audits are covered by the group agreement."), (RemediationAction.Reopened, (string?)null)],
            finding.History.Select(s => (s.Action, s.Note)));
    }

    [Theory]
    [InlineData(ConditionStatus.Met, ConditionStatus.InProgress, "The condition “Add audit rights.” is met; reopen it before starting work on it again.")]
    [InlineData(ConditionStatus.Met, ConditionStatus.Waived, "The condition “Add audit rights.” is met; reopen it first.")]
    [InlineData(ConditionStatus.Waived, ConditionStatus.Met, "The condition “Add audit rights.” is waived; reopen it first.")]
    [InlineData(ConditionStatus.Met, ConditionStatus.Met, "The condition “Add audit rights.” is already met.")]
    public void ChangeConditionStatus_WhenTheStepDoesNotFollow_Refuses(ConditionStatus first, ConditionStatus then, string message)
    {
        var assessment = DecidedAssessmentTests.DecidedWithFindingAndCondition();
        var condition = assessment.Conditions[0];
        assessment.ChangeConditionStatus(condition.Id, first, "Not needed.", Legal, At(100));

        var error = Assert.Throws<DomainException>(() => assessment.ChangeConditionStatus(condition.Id, then, "Not needed.", Legal, At(101)));

        Assert.Equal(message, error.Message);
        Assert.Equal(first, condition.Status);
    }

    [Fact]
    public void ChangeConditionStatus_WhenADraft_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var condition = assessment.AddCondition(new ConditionDetails("Add audit rights.", Today.AddDays(30)), Legal, At(32));
        assessment.ReturnToDraft("Fix the answers.", Legal, At(33));

        var error = Assert.Throws<DomainException>(() => assessment.ChangeConditionStatus(condition.Id, ConditionStatus.InProgress, null, Analyst, At(34)));

        Assert.Equal("Contract conditions are followed up from legal review on; this assessment is a draft.", error.Message);
    }

    [Fact]
    public void IsOverdueOn_AtTheBoundary_IsOverdueOnlyFromTheDayAfterTheDueDate()
    {
        var condition = DecidedAssessmentTests.DecidedWithFindingAndCondition().Conditions[0];
        var due = condition.DueOn;

        Assert.False(condition.IsOverdueOn(due.AddDays(-1)));
        Assert.False(condition.IsOverdueOn(due));
        Assert.True(condition.IsOverdueOn(due.AddDays(1)));
    }

    [Theory]
    [InlineData(ConditionStatus.InProgress, true)]
    [InlineData(ConditionStatus.Met, false)]
    [InlineData(ConditionStatus.Waived, false)]
    public void IsOverdueOn_AfterTheDueDate_DependsOnTheStatus(ConditionStatus status, bool overdue)
    {
        var assessment = DecidedAssessmentTests.DecidedWithFindingAndCondition();
        var condition = assessment.Conditions[0];
        assessment.ChangeConditionStatus(condition.Id, status, "Covered by the master agreement.", Legal, At(100));

        Assert.Equal(overdue, condition.IsOverdueOn(condition.DueOn.AddDays(1)));
    }

    [Fact]
    public void IsOverdueOn_AFindingWithoutADueDate_IsNeverOverdue()
    {
        var finding = DecidedAssessmentTests.DecidedWithFindingAndCondition().Findings[0];

        Assert.Null(finding.DueOn);
        Assert.False(finding.IsOverdueOn(DateOnly.MaxValue));
    }

    [Fact]
    public void AttachFindingEvidence_WhenDecided_KeepsTheFileAndAddsItToTheHistory()
    {
        var assessment = DecidedAssessmentTests.DecidedWithFindingAndCondition();
        var finding = assessment.Findings[0];

        var file = assessment.AttachFindingEvidence(finding.Id, new FulfilmentUpload("audit-clause.pdf", new string('a', 32), Sha, 1200, "application/pdf"), Analyst, At(100));

        Assert.Same(file, Assert.Single(finding.Evidence));
        Assert.Equal(("Ana Analyst", Sha), (file.UploadedByName, file.Sha256));
        var step = Assert.Single(finding.History);
        Assert.Equal((RemediationAction.EvidenceAttached, "audit-clause.pdf"), (step.Action, step.Note));
    }
}
