using System.Text.Json;

using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;

using static DueDiligence.Domain.Tests.Assessments.AssessmentScenario;

namespace DueDiligence.Domain.Tests.Assessments;

/// <summary>An assessment feeds the scoring engine its answers, evidence and waivers, and keeps the scores it was submitted and decided on.</summary>
public sealed class AssessmentScoringTests
{
    [Fact]
    public void ToScoringInput_WhenAnsweredAsInTheWorkedExample_ScoresTheWorkedExample()
    {
        var assessment = WorkedExample();

        var score = ScoreOf(assessment, At(10));

        Assert.Equal(70, score.Sections[0].Score!.Value, 9);
        Assert.Equal(25, score.Sections[1].Score!.Value, 9);
        Assert.Equal(52, score.ControlScore, 9);
        Assert.Equal(82.5, score.InherentRisk, 9);
        Assert.Equal(48.18, score.ResidualRisk, 9);
        Assert.Equal(RiskTier.High, score.Tier);
        Assert.Equal(0.8, score.Sections[0].Questions[0].CreditedRating!.Value, 12);
        Assert.Empty(score.KnockOuts);
    }

    [Fact]
    public void ToScoringInput_WhenLegalVerifiesTheEvidence_CreditsTheFullRating()
    {
        var assessment = WorkedExample();
        assessment.Submit(ScoreOf(assessment, At(10)), Analyst, At(10));
        assessment.StartLegalReview(Legal, At(20));

        assessment.VerifyEvidence(assessment.Evidence[0].Id, Legal, At(21));
        var score = ScoreOf(assessment, At(22));

        Assert.Equal(EvidenceStatus.Verified, score.Sections[0].Questions[0].Evidence);
        Assert.Equal(1, score.Sections[0].Questions[0].CreditedRating);
        Assert.Equal(100 * ((2 * 1) + (1 * 0.5)) / 3, score.Sections[0].Score!.Value, 9);
    }

    [Fact]
    public void ToScoringInput_WhenAKnockOutIsWaived_ScoresItAsWaivedAndKeepsItListed()
    {
        var assessment = CompletedDraft();
        Save(assessment, Input("q1") with { YesNo = false }, minute: 5);
        assessment.Submit(ScoreOf(assessment, At(10)), Analyst, At(10));
        assessment.StartLegalReview(Legal, At(20));
        Assert.Equal(RiskTier.Critical, ScoreOf(assessment, At(21)).Tier);

        assessment.WaiveKnockOut("q1", "The NDA is part of the master agreement.", Legal, At(22));
        var score = ScoreOf(assessment, At(23));

        var knockOut = Assert.Single(score.KnockOuts);
        Assert.Equal("q1", knockOut.QuestionCode);
        Assert.True(knockOut.Waived);
        Assert.Equal(score.TierByScore, score.Tier);
    }

    [Fact]
    public void ToScoringInput_WhenAnAnswerIsCleared_ScoresTheQuestionAsUnanswered()
    {
        var assessment = WorkedExample();

        Save(assessment, Input("q2") with { Comment = "Asked again." }, minute: 6);

        Assert.Equal(QuestionStatus.Unanswered, ScoreOf(assessment, At(10)).Sections[0].Questions[1].Status);
    }

    [Fact]
    public void ScoreSnapshot_WhenReadBack_GivesTheScoreAsItWasAtSubmission()
    {
        var assessment = WorkedExample();
        var score = ScoreOf(assessment, At(10));

        var snapshot = assessment.Submit(score, Analyst, At(10));
        var restored = snapshot.ReadResult();

        Assert.Equal(At(10), snapshot.TakenAtUtc);
        Assert.Equal(DateOnly.FromDateTime(At(10)), snapshot.AsOf);
        Assert.Equal("ipdd-2026.2", snapshot.PolicyId);
        Assert.Equal(RiskTier.High, snapshot.Tier);
        Assert.Equal(48.18, snapshot.ResidualRisk, 9);
        Assert.Equal(52, snapshot.ControlScore, 9);
        Assert.Equal(score.ResidualRisk, restored.ResidualRisk);
        Assert.Equal(score.Policy, restored.Policy);
        Assert.Equal(JsonSerializer.Serialize(score), snapshot.ResultJson);
    }

    /// <summary>SCORING.md §9: q1 Yes with unverified evidence, q2 level 2, q3 option a (0.25), the other scored questions N/A.</summary>
    private static Assessment WorkedExample()
    {
        var assessment = NewDraft();
        Save(assessment, Input("q1") with { YesNo = true });
        Save(assessment, Input("q2") with { Maturity = 2 });
        Save(assessment, Input("q3") with { OptionCodes = ["a"] });
        Save(assessment, Input("q4") with { NotApplicable = true });
        Save(assessment, Input("q5") with { NotApplicable = true });
        Save(assessment, Input("q6") with { NotApplicable = true });
        assessment.AttachEvidence(Upload("q1", Today.AddYears(2)), Analyst, At(2));
        return assessment;
    }
}
