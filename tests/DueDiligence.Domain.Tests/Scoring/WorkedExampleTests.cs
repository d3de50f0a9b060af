using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Tests.TestSupport;

namespace DueDiligence.Domain.Tests.Scoring;

/// <summary>SCORING.md §9, figure by figure.</summary>
public sealed class WorkedExampleTests
{
    private readonly ScoreResult _result = ScoringEngine.Score(WorkedExample.Input());

    [Fact]
    public void Score_WhenWorkedExample_SectionAScoresSeventy()
    {
        Assert.Equal(70, _result.Sections[0].Score!.Value, 9);
        Assert.Equal(0.8, _result.Sections[0].Questions[0].CreditedRating!.Value, 12);
        Assert.Equal(0.5, _result.Sections[0].Questions[1].CreditedRating);
    }

    [Fact]
    public void Score_WhenWorkedExample_SectionBScoresTwentyFive()
    {
        Assert.Equal(25, _result.Sections[1].Score!.Value, 9);
    }

    [Fact]
    public void Score_WhenWorkedExample_ControlScoreIsFiftyTwo()
    {
        Assert.Equal(52, _result.ControlScore, 9);
    }

    [Fact]
    public void Score_WhenWorkedExample_ExposureIsHundredAndJurisdictionSixtyFiveFromTheLegalRating()
    {
        Assert.Equal(100, _result.Exposure);
        Assert.Equal(65, _result.JurisdictionRisk);
        Assert.Equal("CN", _result.Jurisdiction!.CountryCode);
        Assert.Equal(JurisdictionRiskSource.LegalRating, _result.Jurisdiction.Source);
    }

    [Fact]
    public void Score_WhenWorkedExample_InherentRiskIsEightyTwoAndAHalf()
    {
        Assert.Equal(82.5, _result.InherentRisk, 9);
    }

    [Fact]
    public void Score_WhenWorkedExample_ResidualRiskIs48Point18AndTierHigh()
    {
        Assert.Equal(48.18, _result.ResidualRisk, 9);
        Assert.Equal(48.2, Display.Round1(_result.ResidualRisk));
        Assert.Equal(RiskTier.High, _result.Tier);
        Assert.Equal(Recommendation.ProceedWithExecutiveApproval, _result.Recommendation);
        Assert.Equal(12, _result.ReassessmentMonths);
    }

    [Fact]
    public void Score_WhenWorkedExample_RanksTheSingleChoiceFirstInWhatWouldChangeTheTier()
    {
        Assert.Collection(_result.WhatWouldChangeTier,
            c =>
            {
                Assert.Equal("q3", c.QuestionCode);
                Assert.Equal(28.38, c.ResidualRisk, 9);
                Assert.Equal(19.8, c.Reduction, 9);
                Assert.Equal(RiskTier.Medium, c.TierReached);
            },
            c =>
            {
                Assert.Equal("q2", c.QuestionCode);
                Assert.Equal(41.58, c.ResidualRisk, 9);
                Assert.Equal(RiskTier.High, c.TierReached);
            },
            c =>
            {
                Assert.Equal("q1", c.QuestionCode);
                Assert.Equal(42.9, c.ResidualRisk, 9);
                Assert.Equal(5.28, c.Reduction, 9);
            });
    }

    /// <summary>The input of SCORING.md §9.</summary>
    internal static class WorkedExample
    {
        public static ScoringInput Input()
        {
            var template = Templates.Of(
                Templates.Section("A", 60,
                    Templates.YesNo("q1", 2).With(q => q.EvidenceRequired = true),
                    Templates.Maturity("q2", 1)),
                Templates.Section("B", 40,
                    Templates.SingleChoice("q3", 1, ("X", 0.25), ("Y", 1))));
            var policy = ScoringPolicy.Default;
            return new ScoringInput
            {
                Template = template,
                Answers = [Answers.Yes("q1"), Answers.Maturity("q2", 2), Answers.Options("q3", "X")],
                Evidence = [new EvidenceState("q1", [new EvidenceItem(Verified: false)])],
                MaxSensitivity = 5,
                Jurisdictions =
                [
                    JurisdictionRisk.Compute("DE", new JurisdictionIndicators { Cpi = 70 }, null, policy),
                    JurisdictionRisk.Compute("CN", new JurisdictionIndicators { Cpi = 43 }, LegalRating.High, policy),
                ],
                AsOf = Scores.AsOf,
                Policy = policy,
            };
        }
    }
}
