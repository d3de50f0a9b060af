using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;

using static DueDiligence.Domain.Tests.Assessments.AssessmentScenario;

namespace DueDiligence.Domain.Tests.Assessments;

/// <summary>The approver's decision: conditions, knock-outs, reassessment date and the score it was taken on.</summary>
public sealed class DecisionTests
{
    private const string Rationale = "Acceptable with the contract conditions Legal set.";
    private static readonly DateOnly InAYear = Today.AddMonths(12);

    [Fact]
    public void Decide_WhenApproved_RecordsTheDecisionWithTheScoreItWasTakenOn()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);
        var score = ScoreOf(assessment, At(40));

        var decision = assessment.DecideAlone(DecisionOutcome.Approved, Rationale, score, InAYear, Executive, At(40));

        Assert.Same(decision, assessment.Decision);
        Assert.Equal(DecisionOutcome.Approved, decision.Outcome);
        Assert.Equal(Rationale, decision.Rationale);
        Assert.Equal("u-executive", decision.DecidedById);
        Assert.Equal("Eve Executive", decision.DecidedByName);
        Assert.Equal(At(40), decision.DecidedAtUtc);
        Assert.Equal(InAYear, decision.ReassessmentDueOn);
        Assert.Equal(score.Tier, decision.Tier);
        Assert.Equal(score.ResidualRisk, decision.ResidualRisk);
        Assert.Equal(AssessmentStatus.Decided, assessment.Status);
        Assert.Equal(At(40), assessment.DecidedAtUtc);
        Assert.True(assessment.IsReadOnly);
        Assert.Equal([ScoreSnapshotKind.Submission, ScoreSnapshotKind.Decision], assessment.ScoreSnapshots.Select(s => s.Kind));
    }

    [Fact]
    public void Decide_WhenApprovedWithConditionsAndOneIsOpen_Approves()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);
        assessment.AddCondition(new ConditionDetails("Signed NDA before tooling ships.", Today.AddDays(30)), Executive, At(35));

        var decision = assessment.DecideAlone(DecisionOutcome.ApprovedWithConditions, Rationale, ScoreOf(assessment, At(40)), InAYear, Executive, At(40));

        Assert.Equal(DecisionOutcome.ApprovedWithConditions, decision.Outcome);
    }

    [Fact]
    public void Decide_WhenApprovedWithConditionsButNoneIsOpen_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);
        var condition = assessment.AddCondition(new ConditionDetails("Signed NDA.", Today.AddDays(30)), Legal, At(35));
        assessment.MarkConditionMet(condition.Id, Legal, At(36));

        var error = Refused(assessment, DecisionOutcome.ApprovedWithConditions);

        Assert.Equal(
            "Approving with conditions needs at least one open contract condition: add the conditions first, or approve without conditions.",
            error.Message);
    }

    [Fact]
    public void Decide_WhenApprovedWithoutConditionsWhileSomeAreOpen_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);
        assessment.AddCondition(new ConditionDetails("Signed NDA.", Today.AddDays(30)), Legal, At(35));
        assessment.AddCondition(new ConditionDetails("Split the mould set.", Today.AddDays(60)), Legal, At(36));

        var error = Refused(assessment, DecisionOutcome.Approved);

        Assert.Equal("2 contract conditions are still open: approve with conditions, or mark them met first.", error.Message);
    }

    [Theory]
    [InlineData(DecisionOutcome.Approved)]
    [InlineData(DecisionOutcome.ApprovedWithConditions)]
    public void Decide_WhenApprovingWithAnUnwaivedKnockOut_RefusesAndNamesIt(DecisionOutcome outcome)
    {
        var assessment = AwaitingDecisionWithKnockOut();
        assessment.AddCondition(new ConditionDetails("Signed NDA.", Today.AddDays(30)), Legal, At(35));

        var error = Refused(assessment, outcome);

        Assert.Equal(
            "An unwaived knock-out means Do not proceed: waive it with a rationale or reject. Unwaived: q3 “Who owns improvements?” answered Option c.",
            error.Message);
    }

    [Fact]
    public void Decide_WhenTheKnockOutWasWaived_Approves()
    {
        var assessment = AwaitingDecisionWithKnockOut();
        assessment.WaiveKnockOut("q3", "Improvements are assigned in the framework agreement.", Executive, At(35));
        var score = ScoreOf(assessment, At(40));

        var decision = assessment.DecideAlone(DecisionOutcome.Approved, Rationale, score, InAYear, Executive, At(40));

        Assert.Equal(DecisionOutcome.Approved, decision.Outcome);
        Assert.True(Assert.Single(score.KnockOuts).Waived);
        Assert.NotEqual(RiskTier.Critical, decision.Tier);
    }

    [Fact]
    public void Decide_WhenRejectedWithAnUnwaivedKnockOut_RejectsWithoutAReassessmentDate()
    {
        var assessment = AwaitingDecisionWithKnockOut();

        var decision = assessment.DecideAlone(DecisionOutcome.Rejected, "Improvements would belong to the supplier.", ScoreOf(assessment, At(40)), InAYear, Executive, At(40));

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Null(decision.ReassessmentDueOn);
        Assert.Equal(RiskTier.Critical, decision.Tier);
    }

    [Fact]
    public void Decide_WhenApprovedWithoutAReassessmentDate_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);

        var error = Assert.Throws<DomainException>(() =>
            assessment.DecideAlone(DecisionOutcome.Approved, Rationale, ScoreOf(assessment, At(40)), null, Executive, At(40)));

        Assert.Equal("Set the date by which the approved supplier must be reassessed.", error.Message);
        Assert.Equal(AssessmentStatus.AwaitingDecision, assessment.Status);
    }

    [Fact]
    public void Decide_WhenTheReassessmentDateIsNotAfterTheDecision_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);

        var error = Assert.Throws<DomainException>(() =>
            assessment.DecideAlone(DecisionOutcome.Approved, Rationale, ScoreOf(assessment, At(40)), Today, Executive, At(40)));

        Assert.Equal("The reassessment due date must be after the decision date (2026-03-02).", error.Message);
    }

    [Fact]
    public void Decide_WhenNoRationaleIsGiven_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);

        var error = Assert.Throws<DomainException>(() =>
            assessment.DecideAlone(DecisionOutcome.Rejected, "", ScoreOf(assessment, At(40)), null, Executive, At(40)));

        Assert.Equal("Give the rationale for the decision.", error.Message);
        Assert.Null(assessment.Decision);
    }

    [Fact]
    public void Decide_WhenTheScoreIgnoresTheWaivers_RefusesTheScore()
    {
        var assessment = AwaitingDecisionWithKnockOut();
        assessment.WaiveKnockOut("q3", "Assigned in the framework agreement.", Executive, At(35));
        var withoutWaivers = ScoringEngine.Score(assessment.ToScoringInput(5, [], Today) with { WaivedKnockOuts = [] });

        var error = Assert.Throws<ArgumentException>(() =>
            assessment.DecideAlone(DecisionOutcome.Approved, Rationale, withoutWaivers, InAYear, Executive, At(40)));

        Assert.StartsWith("The score was not computed from this assessment as it stands", error.Message);
        Assert.Equal(AssessmentStatus.AwaitingDecision, assessment.Status);
    }

    /// <summary>q3 answered "c", which knocks out, and the rest complete.</summary>
    private static Assessment AwaitingDecisionWithKnockOut()
    {
        var assessment = CompletedDraft();
        Save(assessment, Input("q3") with { OptionCodes = ["c"] }, minute: 5);
        assessment.Submit(ScoreOf(assessment, At(10)), Analyst, At(10));
        assessment.StartLegalReview(Legal, At(20));
        assessment.ForwardToDecision(LegalOpinionText, Legal, At(30));
        return assessment;
    }

    private static DomainException Refused(Assessment assessment, DecisionOutcome outcome)
    {
        var error = Assert.Throws<DomainException>(() =>
            assessment.DecideAlone(outcome, Rationale, ScoreOf(assessment, At(40)), InAYear, Executive, At(40)));
        Assert.Equal(AssessmentStatus.AwaitingDecision, assessment.Status);
        Assert.Null(assessment.Decision);
        return error;
    }
}
