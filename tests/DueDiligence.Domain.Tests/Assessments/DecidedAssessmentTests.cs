using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;

using static DueDiligence.Domain.Tests.Assessments.AssessmentScenario;

namespace DueDiligence.Domain.Tests.Assessments;

/// <summary>
/// Once decided, an assessment is read-only: every change is refused and nothing moves — except the follow-up of its
/// conditions and findings (FollowUpTests), which never touches the decision.
/// </summary>
public sealed class DecidedAssessmentTests
{
    public static TheoryData<string> Changes =>
    [
        "RecordAnswer", "AttachEvidence", "VerifyEvidence", "MarkEvidenceInsufficient", "AddFinding", "UpdateFinding",
        "AddCondition", "UpdateCondition", "WaiveKnockOut",
        "Submit", "StartLegalReview", "ForwardToDecision", "ReturnToDraft", "Decide",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Change_WhenTheAssessmentIsDecided_RefusesBecauseItIsReadOnly(string change)
    {
        var assessment = DecidedWithFindingAndCondition();
        var version = assessment.Version;

        var error = Assert.Throws<DomainException>(() => Make(change, assessment));

        Assert.Equal("A decided assessment is read-only; start a new assessment to reassess the supplier.", error.Message);
        Assert.Equal(version, assessment.Version);
        Assert.Equal(AssessmentStatus.Decided, assessment.Status);
    }

    [Fact]
    public void AllowedTransitions_WhenDecided_IsEmpty()
    {
        Assert.Empty(DecidedWithFindingAndCondition().AllowedTransitions);
    }

    internal static Assessment DecidedWithFindingAndCondition()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);
        assessment.AddFinding(new FindingDetails(FindingSeverity.Medium, "No audit rights."), Legal, At(31));
        assessment.AddCondition(new ConditionDetails("Add audit rights.", Today.AddDays(30)), Legal, At(32));
        assessment.DecideAlone(DecisionOutcome.ApprovedWithConditions, "Fine with audit rights.", ScoreOf(assessment, At(40)), Today.AddYears(1), Executive, At(40));
        return assessment;
    }

    private static void Make(string change, Assessment assessment)
    {
        var now = At(60);
        var finding = assessment.Findings[0].Id;
        var condition = assessment.Conditions[0].Id;
        switch (change)
        {
            case "RecordAnswer":
                Save(assessment, Input("q2") with { Maturity = 4 }, minute: 60);
                break;
            case "AttachEvidence":
                assessment.AttachEvidence(Upload("q1"), Analyst, now);
                break;
            case "MarkEvidenceInsufficient":
                assessment.MarkEvidenceInsufficient(assessment.Evidence[0].Id, "Signed by another company.", Legal, now);
                break;
            case "VerifyEvidence":
                assessment.VerifyEvidence(assessment.Evidence[0].Id, Legal, now);
                break;
            case "AddFinding":
                assessment.AddFinding(new FindingDetails(FindingSeverity.Low, "Late."), Legal, now);
                break;
            case "UpdateFinding":
                assessment.UpdateFinding(finding, new FindingDetails(FindingSeverity.Low, "Edited."), Legal, now);
                break;
            case "AddCondition":
                assessment.AddCondition(new ConditionDetails("Late.", Today.AddDays(9)), Legal, now);
                break;
            case "UpdateCondition":
                assessment.UpdateCondition(condition, new ConditionDetails("Edited.", Today.AddDays(9)), Legal, now);
                break;
            case "WaiveKnockOut":
                assessment.WaiveKnockOut("q1", "Late.", Legal, now);
                break;
            default:
                AssessmentWorkflowTests.Take(change, assessment);
                break;
        }
    }
}
