using DueDiligence.Domain.Approvals;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;

using static DueDiligence.Domain.Tests.Assessments.AssessmentScenario;

namespace DueDiligence.Domain.Tests.Approvals;

/// <summary>An assessment whose tier needs two distinct executives and a written justification.</summary>
public sealed class TwoExecutiveApprovalTests
{
    private const string Rationale = "The controls hold for the drawings we share.";
    private const string Justification = "The mould maker is the only source for this part; the audit rights cover the risk.";
    private static readonly DateOnly InAYear = Today.AddMonths(12);
    private static readonly Actor Third = new("u-executive-3", "Tam Treasurer");

    [Fact]
    public void Decide_WhenTheFirstOfTwoApproves_RecordsTheApprovalAndKeepsItAwaitingTheSecond()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);

        var decision = Approve(assessment, new Signatory(Executive), At(40));

        Assert.Null(decision);
        Assert.Equal(AssessmentStatus.AwaitingDecision, assessment.Status);
        var first = Assert.Single(assessment.PendingApprovals);
        Assert.Equal(("Eve Executive", Justification, 2), (first.SignedBy, first.Justification, first.RequiredApprovals));
        Assert.DoesNotContain(assessment.ScoreSnapshots, s => s.Kind == ScoreSnapshotKind.Decision);
    }

    [Fact]
    public void Decide_WhenASecondDistinctExecutiveApproves_DecidesWithBothOnRecord()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);
        Approve(assessment, new Signatory(Executive), At(40));

        var decision = Approve(assessment, new Signatory(OtherExecutive), At(45));

        Assert.NotNull(decision);
        Assert.Equal(AssessmentStatus.Decided, assessment.Status);
        Assert.Equal(["Eve Executive", "Olu Officer"], assessment.SignOffs.Select(s => s.SignedBy));
        Assert.Equal(At(45), decision.DecidedAtUtc);
    }

    [Fact]
    public void Decide_WhenTheSameExecutiveApprovesTwice_IsRefused()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);
        Approve(assessment, new Signatory(Executive), At(40));

        var error = Assert.Throws<DomainException>(() => Approve(assessment, new Signatory(Executive), At(41)));

        Assert.Equal("You have already approved this assessment (2026-03-02 09:40 UTC); the next approval must come from a different executive.", error.Message);
        Assert.Single(assessment.SignOffs);
        Assert.Equal(AssessmentStatus.AwaitingDecision, assessment.Status);
    }

    [Fact]
    public void Decide_WhenADelegateSignsForTheExecutiveWhoAlreadyApproved_IsRefused()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);
        Approve(assessment, new Signatory(Executive), At(40));

        var error = Assert.Throws<DomainException>(() => Approve(assessment, new Signatory(OtherExecutive, Executive), At(41)));

        Assert.StartsWith("Eve Executive has already approved this assessment", error.Message);
    }

    [Fact]
    public void Decide_WhenADelegateWhoApprovedForTheDelegatorApprovesAgainInTheirOwnName_IsRefused()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);
        Approve(assessment, new Signatory(OtherExecutive, Executive), At(40));

        var error = Assert.Throws<DomainException>(() => Approve(assessment, new Signatory(OtherExecutive), At(41)));

        Assert.StartsWith("Olu Officer on behalf of Eve Executive has already approved", error.Message);
    }

    [Fact]
    public void Decide_WhenADelegateApprovesForTheDelegatorAndAThirdExecutiveApproves_DecidesAndRecordsOnBehalfOf()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);
        Approve(assessment, new Signatory(OtherExecutive, Executive), At(40));

        Approve(assessment, new Signatory(Third), At(41));

        Assert.Equal(AssessmentStatus.Decided, assessment.Status);
        var first = assessment.SignOffs[0];
        Assert.Equal(("u-executive-2", "u-executive", "Olu Officer on behalf of Eve Executive"), (first.ById, first.OnBehalfOfId, first.SignedBy));
    }

    [Fact]
    public void Decide_WhenAnotherExecutiveRejectsAfterOneApproval_DecidesAsRejected()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);
        Approve(assessment, new Signatory(Executive), At(40));

        var decision = assessment.Decide(
            DecisionOutcome.Rejected, "Our CAD would sit on an unmanaged file share.", Score(assessment), null, new Signatory(OtherExecutive), At(42), CriticalRule(assessment));

        Assert.Equal(DecisionOutcome.Rejected, decision!.Outcome);
        Assert.Equal(AssessmentStatus.Decided, assessment.Status);
        Assert.Equal("Olu Officer", decision.DecidedByName);
        Assert.Equal(2, assessment.SignOffs.Count);
    }

    [Fact]
    public void Decide_WhenTheFirstExecutiveRejects_DecidesAtOnce()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);

        var decision = assessment.Decide(DecisionOutcome.Rejected, "Too risky.", Score(assessment), null, new Signatory(Executive), At(40), CriticalRule(assessment));

        Assert.Equal(DecisionOutcome.Rejected, decision!.Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Decide_WhenApprovingWithoutTheRequiredJustification_IsRefused(string? justification)
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);
        var score = Score(assessment);

        var error = Assert.Throws<DomainException>(() =>
            assessment.Decide(DecisionOutcome.Approved, Rationale, score, InAYear, new Signatory(Executive), At(40), CriticalRule(assessment), justification));

        Assert.Equal($"Approving at tier {score.Tier} needs a written justification: say why the supplier may proceed despite this risk.", error.Message);
        Assert.Empty(assessment.SignOffs);
    }

    [Fact]
    public void Decide_WhenTheRuleAsksNoJustification_ApprovesWithoutOne()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);
        var score = Score(assessment);

        var decision = assessment.Decide(DecisionOutcome.Approved, Rationale, score, InAYear, new Signatory(Executive), At(40), new ApprovalRule(score.Tier, 1, false));

        Assert.NotNull(decision);
        Assert.Null(assessment.SignOffs[0].Justification);
    }

    [Fact]
    public void ReturnToDraft_AfterOneApproval_TheApprovalNoLongerCountsButStaysOnRecord()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);
        Approve(assessment, new Signatory(Executive), At(40));

        assessment.ReturnToDraft("Add the mould maker as a subcontractor.", OtherExecutive, At(41));

        Assert.True(Assert.Single(assessment.SignOffs).Superseded);
        Assert.Empty(assessment.PendingApprovals);
    }

    [Fact]
    public void Decide_WithARuleOfAnotherTier_IsAProgrammingError()
    {
        var assessment = InStatus(AssessmentStatus.AwaitingDecision);
        var score = Score(assessment);
        var otherTier = score.Tier == RiskTier.Low ? RiskTier.High : RiskTier.Low;

        Assert.Throws<ArgumentException>(() =>
            assessment.Decide(DecisionOutcome.Approved, Rationale, score, InAYear, new Signatory(Executive), At(40), new ApprovalRule(otherTier, 1, false)));
    }

    private static AssessmentDecision? Approve(Assessment assessment, Signatory signatory, DateTime at) =>
        assessment.Decide(DecisionOutcome.Approved, Rationale, Score(assessment), InAYear, signatory, at, CriticalRule(assessment), Justification);

    private static ScoreResult Score(Assessment assessment) => ScoreOf(assessment, At(40));

    /// <summary>The default Critical rule (two distinct executives and a justification), applied to the tier this assessment scores.</summary>
    private static ApprovalRule CriticalRule(Assessment assessment)
    {
        var critical = ApprovalRule.DefaultFor(RiskTier.Critical);
        return new ApprovalRule(Score(assessment).Tier, critical.RequiredApprovals, critical.JustificationRequired);
    }
}
