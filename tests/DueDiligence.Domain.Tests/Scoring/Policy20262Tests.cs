using System.Text.Json;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Tests.TestSupport;

namespace DueDiligence.Domain.Tests.Scoring;

/// <summary>SCORING.md §6 and §7 as policy ipdd-2026.2 changed them: decisions on values rounded to 6 decimals, §7 lists only reductions.</summary>
public sealed class Policy20262Tests
{
    [Fact]
    public void Default_IsPolicy20262AndTheFirstPolicyCanStillBeDescribed()
    {
        Assert.Equal("ipdd-2026.2", ScoringPolicy.Default.Id);
        Assert.Equal(6, ScoringPolicy.Default.DecisionDecimals);
        Assert.True(ScoringPolicy.Default.TierChangesOnlyReductions);
        Assert.Equal("ipdd-2026.1", ScoringPolicy.Ipdd20261.Id);
        Assert.Null(ScoringPolicy.Ipdd20261.DecisionDecimals);
        Assert.False(ScoringPolicy.Ipdd20261.TierChangesOnlyReductions);
        Assert.Equal(ScoringPolicy.Ipdd20261 with { Id = "x" }, ScoringPolicy.Default with { Id = "x", DecisionDecimals = null, TierChangesOnlyReductions = false });
    }

    [Fact]
    public void Policy_WhenAStoredIpdd20261PolicyIsReadBack_KeepsItsOwnRules()
    {
        // A snapshot stored before 2026.2 has no DecisionDecimals nor TierChangesOnlyReductions in its JSON.
        var json = JsonSerializer.Serialize(ScoringPolicy.Ipdd20261)
            .Replace(",\"DecisionDecimals\":null", "", StringComparison.Ordinal)
            .Replace(",\"TierChangesOnlyReductions\":false", "", StringComparison.Ordinal);
        Assert.DoesNotContain("DecisionDecimals", json, StringComparison.Ordinal);

        var restored = JsonSerializer.Deserialize<ScoringPolicy>(json)!;

        Assert.Equal(ScoringPolicy.Ipdd20261, restored);
    }

    [Fact]
    public void Score_WhenFullControlsMeetExposureAndJurisdictionAtTheirMaximum_ResidualRiskOfTwentyIsMediumNotLow()
    {
        // I = 100 × (0.5 + 0.5 × 100 / 100) = 100, C = 100: R = 100 × (1 − 0.8) = 19.999999999999996 in binary floating point.
        var input = Scores.Input(Templates.Single(Templates.YesNo("Q")), Answers.Yes("Q")) with { Jurisdictions = [Scores.Country("XX", 100)] };

        var live = ScoringEngine.Score(input);
        var underTheFirstPolicy = ScoringEngine.Score(input with { Policy = ScoringPolicy.Ipdd20261 });

        Assert.Equal(19.999999999999996, live.ResidualRisk);
        Assert.Equal(RiskTier.Medium, live.Tier);
        Assert.Equal(Recommendation.ProceedWithConditions, live.Recommendation);
        Assert.Equal(RiskTier.Low, underTheFirstPolicy.Tier);
    }

    [Theory]
    [InlineData(19.999999999999996, RiskTier.Medium)]
    [InlineData(39.99999999999999, RiskTier.High)]
    [InlineData(59.99999999999999, RiskTier.Critical)]
    [InlineData(19.9999995, RiskTier.Medium)]
    [InlineData(19.9999994, RiskTier.Low)]
    [InlineData(39.999999, RiskTier.Medium)]
    [InlineData(59.999999, RiskTier.High)]
    [InlineData(60.0000001, RiskTier.Critical)]
    public void TierFor_WhenResidualRiskIsAHairFromABoundary_DecidesOnTheValueRoundedToSixDecimals(double residual, RiskTier expected)
    {
        Assert.Equal(expected, ScoringPolicy.Default.TierFor(residual));
    }

    [Theory]
    [InlineData(19.999999999999996, RiskTier.Low)]
    [InlineData(39.99999999999999, RiskTier.Medium)]
    [InlineData(59.99999999999999, RiskTier.High)]
    public void TierFor_UnderIpdd20261_DecidesOnTheUnroundedValue(double residual, RiskTier expected)
    {
        Assert.Equal(expected, ScoringPolicy.Ipdd20261.TierFor(residual));
    }

    [Theory]
    [InlineData(24.999999999999996, JurisdictionLevel.Moderate)]
    [InlineData(24.9999994, JurisdictionLevel.Low)]
    [InlineData(49.99999999999999, JurisdictionLevel.High)]
    [InlineData(49.999999, JurisdictionLevel.Moderate)]
    [InlineData(74.99999999999999, JurisdictionLevel.Severe)]
    [InlineData(74.999999, JurisdictionLevel.High)]
    public void JurisdictionLevelFor_WhenJIsAHairFromABoundary_DecidesOnTheValueRoundedToSixDecimals(double j, JurisdictionLevel expected)
    {
        Assert.Equal(expected, ScoringPolicy.Default.JurisdictionLevelFor(j));
    }

    [Fact]
    public void WhatWouldChangeTheTier_WhenNoBetterAnswerLowersR_ListsNothing()
    {
        // We share no IP: E = 0, so R = 0 whatever the answers, and no better answer changes anything.
        var template = Templates.Of(Templates.Section("S", 1, Templates.YesNo("Q1"), Templates.Maturity("Q2")));
        var input = Scores.Input(template, Answers.No("Q1")) with { MaxSensitivity = 0 };

        var live = ScoringEngine.Score(input);
        var underTheFirstPolicy = ScoringEngine.Score(input with { Policy = ScoringPolicy.Ipdd20261 });

        Assert.Equal(0, live.ResidualRisk);
        Assert.Empty(live.WhatWouldChangeTier);
        Assert.Equal(["Q1", "Q2"], underTheFirstPolicy.WhatWouldChangeTier.Select(c => c.QuestionCode).Order(StringComparer.Ordinal));
        Assert.All(underTheFirstPolicy.WhatWouldChangeTier, c => Assert.Equal(0, c.Reduction));
    }

    [Fact]
    public void WhatWouldChangeTheTier_WhenSomeAnswersLowerR_ListsOnlyThoseWithAPositiveReduction()
    {
        var template = Templates.Of(Templates.Section("S", 1, Templates.YesNo("Q1"), Templates.Maturity("Q2")));

        var result = ScoringEngine.Score(Scores.Input(template, Answers.No("Q1"), Answers.Maturity("Q2", 4)));

        var change = Assert.Single(result.WhatWouldChangeTier);
        Assert.Equal("Q1", change.QuestionCode);
        Assert.True(change.Reduction > 0);
    }
}
