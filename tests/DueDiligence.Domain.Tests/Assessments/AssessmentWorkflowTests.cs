using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;

using static DueDiligence.Domain.Tests.Assessments.AssessmentScenario;

namespace DueDiligence.Domain.Tests.Assessments;

/// <summary>Draft → Submitted → Legal review → Awaiting decision → Decided, returns to draft, and every refused step.</summary>
public sealed class AssessmentWorkflowTests
{
    private const string ReadOnly = "A decided assessment is read-only; start a new assessment to reassess the supplier.";

    public static TheoryData<string, AssessmentStatus, string> RefusedSteps => new()
    {
        { "Submit", AssessmentStatus.Submitted, "Only a draft can be submitted; this assessment is submitted." },
        { "Submit", AssessmentStatus.LegalReview, "Only a draft can be submitted; this assessment is in legal review." },
        { "Submit", AssessmentStatus.AwaitingDecision, "Only a draft can be submitted; this assessment is awaiting a decision." },
        { "Submit", AssessmentStatus.Decided, ReadOnly },
        { "StartLegalReview", AssessmentStatus.Draft, "Legal review starts on a submitted assessment; this assessment is a draft." },
        { "StartLegalReview", AssessmentStatus.LegalReview, "Legal review starts on a submitted assessment; this assessment is in legal review." },
        { "StartLegalReview", AssessmentStatus.AwaitingDecision, "Legal review starts on a submitted assessment; this assessment is awaiting a decision." },
        { "StartLegalReview", AssessmentStatus.Decided, ReadOnly },
        { "ForwardToDecision", AssessmentStatus.Draft, "Only an assessment in legal review can be forwarded for a decision; this assessment is a draft." },
        { "ForwardToDecision", AssessmentStatus.Submitted, "Only an assessment in legal review can be forwarded for a decision; this assessment is submitted." },
        { "ForwardToDecision", AssessmentStatus.AwaitingDecision, "Only an assessment in legal review can be forwarded for a decision; this assessment is awaiting a decision." },
        { "ForwardToDecision", AssessmentStatus.Decided, ReadOnly },
        { "ReturnToDraft", AssessmentStatus.Draft, "Only a submitted assessment, one in legal review or one awaiting a decision can be returned to draft; this assessment is a draft." },
        { "ReturnToDraft", AssessmentStatus.Decided, ReadOnly },
        { "Decide", AssessmentStatus.Draft, "Only an assessment awaiting a decision can be decided; this assessment is a draft." },
        { "Decide", AssessmentStatus.Submitted, "Only an assessment awaiting a decision can be decided; this assessment is submitted." },
        { "Decide", AssessmentStatus.LegalReview, "Only an assessment awaiting a decision can be decided; this assessment is in legal review." },
        { "Decide", AssessmentStatus.Decided, ReadOnly },
    };

    public static TheoryData<AssessmentStatus, AssessmentStatus[]> Allowed => new()
    {
        { AssessmentStatus.Draft, [AssessmentStatus.Submitted] },
        { AssessmentStatus.Submitted, [AssessmentStatus.LegalReview, AssessmentStatus.Draft] },
        { AssessmentStatus.LegalReview, [AssessmentStatus.AwaitingDecision, AssessmentStatus.Draft] },
        { AssessmentStatus.AwaitingDecision, [AssessmentStatus.Decided, AssessmentStatus.Draft] },
        { AssessmentStatus.Decided, [] },
    };

    [Fact]
    public void Submit_WhenDraftIsComplete_SubmitsAndKeepsTheScoreAtSubmission()
    {
        var assessment = InStatus(AssessmentStatus.Draft);
        var score = ScoreOf(assessment, At(10));

        var snapshot = assessment.Submit(score, Analyst, At(10));

        Assert.Equal(AssessmentStatus.Submitted, assessment.Status);
        Assert.Equal(At(10), assessment.SubmittedAtUtc);
        Assert.Equal(ScoreSnapshotKind.Submission, snapshot.Kind);
        Assert.Equal(score.ResidualRisk, snapshot.ResidualRisk);
        Assert.Equal(score.Tier, snapshot.Tier);
        Assert.Same(snapshot, Assert.Single(assessment.ScoreSnapshots));
        AssertLastStep(assessment, AssessmentStatus.Draft, AssessmentStatus.Submitted, "Ana Analyst", At(10));
    }

    [Fact]
    public void StartLegalReview_WhenSubmitted_MovesToLegalReview()
    {
        var assessment = InStatus(AssessmentStatus.Submitted);

        assessment.StartLegalReview(Legal, At(20));

        Assert.Equal(AssessmentStatus.LegalReview, assessment.Status);
        AssertLastStep(assessment, AssessmentStatus.Submitted, AssessmentStatus.LegalReview, "Lee Legal", At(20));
    }

    [Fact]
    public void ForwardToDecision_WhenInLegalReview_AwaitsTheDecision()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);

        assessment.ForwardToDecision(LegalOpinionText, Legal, At(30));

        Assert.Equal(AssessmentStatus.AwaitingDecision, assessment.Status);
        AssertLastStep(assessment, AssessmentStatus.LegalReview, AssessmentStatus.AwaitingDecision, "Lee Legal", At(30));
    }

    [Theory]
    [InlineData(AssessmentStatus.Submitted)]
    [InlineData(AssessmentStatus.LegalReview)]
    [InlineData(AssessmentStatus.AwaitingDecision)]
    public void ReturnToDraft_WhenInTheReviewSteps_ReturnsItWithTheReasonShown(AssessmentStatus from)
    {
        var assessment = InStatus(from);

        assessment.ReturnToDraft("  The NDA on file is unsigned.  ", Legal, At(35));

        Assert.Equal(AssessmentStatus.Draft, assessment.Status);
        Assert.Equal("The NDA on file is unsigned.", assessment.ReturnReason);
        var step = AssertLastStep(assessment, from, AssessmentStatus.Draft, "Lee Legal", At(35));
        Assert.Equal("The NDA on file is unsigned.", step.Reason);
    }

    [Fact]
    public void ReturnToDraft_WhenReturned_LetsTheAnalystChangeAnswersAndResubmit()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        assessment.ReturnToDraft("Upgrade access control first.", Executive, At(35));

        Save(assessment, Input("q2") with { Maturity = 3 }, minute: 40);
        assessment.Submit(ScoreOf(assessment, At(45)), Analyst, At(45));

        Assert.Equal(AssessmentStatus.Submitted, assessment.Status);
        Assert.Equal(3, assessment.AnswerTo("q2")!.Maturity);
        Assert.Equal(At(45), assessment.SubmittedAtUtc);
        Assert.Equal(2, assessment.ScoreSnapshots.Count);
    }

    [Fact]
    public void ReturnToDraft_WhenNoReasonIsGiven_RefusesAndStaysWhereItWas()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);

        var error = Assert.Throws<DomainException>(() => assessment.ReturnToDraft(" ", Legal, At(35)));

        Assert.Equal("Say why the assessment goes back to draft, so that the analyst knows what to fix.", error.Message);
        Assert.Equal(AssessmentStatus.LegalReview, assessment.Status);
        Assert.Null(assessment.ReturnReason);
    }

    [Theory]
    [MemberData(nameof(RefusedSteps))]
    public void WorkflowStep_WhenInTheWrongStatus_RefusesWithTheReasonAndChangesNothing(string step, AssessmentStatus status, string message)
    {
        var assessment = InStatus(status);
        var version = assessment.Version;
        var history = assessment.Transitions.Count;

        var error = Assert.Throws<DomainException>(() => Take(step, assessment));

        Assert.Equal(message, error.Message);
        Assert.Equal(status, assessment.Status);
        Assert.Equal(version, assessment.Version);
        Assert.Equal(history, assessment.Transitions.Count);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void AllowedTransitions_WhenInAStatus_ListsTheStepsThatCanBeTaken(AssessmentStatus status, AssessmentStatus[] expected)
    {
        var assessment = InStatus(status);

        Assert.Equal(expected, assessment.AllowedTransitions);
    }

    [Fact]
    public void Transitions_WhenTakenFromStartToDecision_ShowTheWholeStoryInOrder()
    {
        var assessment = InStatus(AssessmentStatus.Decided);

        Assert.Equal(
            [
                (null, AssessmentStatus.Draft, "Ana Analyst"),
                (AssessmentStatus.Draft, AssessmentStatus.Submitted, "Ana Analyst"),
                (AssessmentStatus.Submitted, AssessmentStatus.LegalReview, "Lee Legal"),
                (AssessmentStatus.LegalReview, AssessmentStatus.AwaitingDecision, "Lee Legal"),
                (AssessmentStatus.AwaitingDecision, AssessmentStatus.Decided, "Eve Executive"),
            ],
            assessment.Transitions.Select(t => ((AssessmentStatus?)t.From, t.To, t.ByName)).ToList());
    }

    [Fact]
    public void WorkflowStep_WhenTaken_ChangesTheVersion()
    {
        var assessment = InStatus(AssessmentStatus.Submitted);
        var before = assessment.Version;

        assessment.StartLegalReview(Legal, At(20));

        Assert.NotEqual(before, assessment.Version);
    }

    [Fact]
    public void Submit_WhenTheScoreIsOfAnotherQuestionnaire_RefusesTheScore()
    {
        var assessment = InStatus(AssessmentStatus.Draft);
        var other = NewDraft(TestSupport.Templates.Of(TestSupport.Templates.Section("X", 1, TestSupport.Templates.YesNo("x1"))));

        var error = Assert.Throws<ArgumentException>(() => assessment.Submit(ScoreOf(other, At(10)), Analyst, At(10)));

        Assert.StartsWith("The score was not computed from this assessment as it stands", error.Message);
        Assert.Equal(AssessmentStatus.Draft, assessment.Status);
    }

    internal static void Take(string step, Assessment assessment)
    {
        var score = ScoreOf(assessment, At(50));
        switch (step)
        {
            case "Submit":
                assessment.Submit(score, Analyst, At(50));
                break;
            case "StartLegalReview":
                assessment.StartLegalReview(Legal, At(50));
                break;
            case "ForwardToDecision":
                assessment.ForwardToDecision(LegalOpinionText, Legal, At(50));
                break;
            case "ReturnToDraft":
                assessment.ReturnToDraft("Please check the NDA.", Legal, At(50));
                break;
            case "Decide":
                assessment.DecideAlone(DecisionOutcome.Rejected, "Too risky.", score, null, Executive, At(50));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown workflow step.");
        }
    }

    private static AssessmentTransition AssertLastStep(Assessment assessment, AssessmentStatus from, AssessmentStatus to, string byName, DateTime at)
    {
        var step = assessment.Transitions[^1];
        Assert.Equal(from, step.From);
        Assert.Equal(to, step.To);
        Assert.Equal(byName, step.ByName);
        Assert.Equal(at, step.AtUtc);
        return step;
    }
}
