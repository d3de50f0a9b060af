using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Tests.TestSupport;

namespace DueDiligence.Domain.Tests.Scoring;

/// <summary>SCORING.md §5–6: worst J, exposure, inherent and residual risk, tiers, recommendations and reassessment.</summary>
public sealed class RiskTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 20)]
    [InlineData(2, 40)]
    [InlineData(3, 60)]
    [InlineData(4, 80)]
    [InlineData(5, 100)]
    public void Score_WhenMaxSensitivityIsGiven_SetsExposureToTwentyTimesIt(int sensitivity, double expected)
    {
        var result = ScoringEngine.Score(Input(sensitivity, 50, controlsYes: false));

        Assert.Equal(expected, result.Exposure);
    }

    [Fact]
    public void Score_WhenNoIpIsShared_HasNoInherentOrResidualRiskAndIsLow()
    {
        var result = ScoringEngine.Score(Input(0, 90, controlsYes: false));

        Assert.Equal(0, result.InherentRisk);
        Assert.Equal(0, result.ResidualRisk);
        Assert.Equal(RiskTier.Low, result.Tier);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void Score_WhenSensitivityIsOutsideZeroToFive_Throws(int sensitivity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoringEngine.Score(Input(sensitivity, 50, controlsYes: false)));
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(65, 82.5)]
    [InlineData(100, 100)]
    public void Score_WhenExposureIsHundred_SetsInherentRiskToExposureTimesHalfPlusHalfJ(double jurisdiction, double expected)
    {
        var result = ScoringEngine.Score(Input(5, jurisdiction, controlsYes: false));

        Assert.Equal(expected, result.InherentRisk, 9);
    }

    [Theory]
    [InlineData(false, 82.5)]
    [InlineData(true, 16.5)]
    public void Score_WhenControlsAreNoneOrPerfect_ReducesInherentRiskByUpToEightyPercent(bool controlsYes, double expected)
    {
        var result = ScoringEngine.Score(Input(5, 65, controlsYes));

        Assert.Equal(expected, result.ResidualRisk, 9);
    }

    [Fact]
    public void Score_WhenSeveralCountriesAreGiven_UsesTheWorstJurisdiction()
    {
        var input = Input(5, 0, controlsYes: false) with
        {
            Jurisdictions = [Scores.Country("DE", 20), Scores.Country("CN", 72), Scores.Country("VN", 55)],
        };

        var result = ScoringEngine.Score(input);

        Assert.Equal(72, result.JurisdictionRisk);
        Assert.Equal("CN", result.Jurisdiction!.CountryCode);
        Assert.False(result.JurisdictionIsUnknown);
    }

    [Fact]
    public void Score_WhenTheWorstCountryIsUnknown_ReportsTheUnknownDefault()
    {
        var unknown = JurisdictionRisk.Compute("ZZ", null, null, ScoringPolicy.Default);
        var input = Input(5, 0, controlsYes: false) with { Jurisdictions = [Scores.Country("DE", 20), unknown] };

        var result = ScoringEngine.Score(input);

        Assert.Equal(50, result.JurisdictionRisk);
        Assert.True(result.JurisdictionIsUnknown);
        Assert.Equal("ZZ", result.Jurisdiction!.CountryCode);
    }

    [Fact]
    public void Score_WhenNoCountryIsGiven_UsesTheUnknownDefaultOfFifty()
    {
        var input = Input(5, 0, controlsYes: false) with { Jurisdictions = [] };

        var result = ScoringEngine.Score(input);

        Assert.Equal(50, result.JurisdictionRisk);
        Assert.True(result.JurisdictionIsUnknown);
        Assert.Null(result.Jurisdiction);
        Assert.Equal(75, result.InherentRisk);
    }

    [Theory]
    [InlineData(2, 0, RiskTier.Medium)]
    [InlineData(4, 0, RiskTier.High)]
    [InlineData(5, 20, RiskTier.Critical)]
    public void Score_WhenResidualRiskIsExactlyOnATierBoundary_TakesTheHigherTier(int sensitivity, double jurisdiction, RiskTier expected)
    {
        var result = ScoringEngine.Score(Input(sensitivity, jurisdiction, controlsYes: false));

        Assert.Equal(expected, result.Tier);
    }

    [Theory]
    [InlineData(0, RiskTier.Low)]
    [InlineData(19.999999, RiskTier.Low)]
    [InlineData(20, RiskTier.Medium)]
    [InlineData(39.999999, RiskTier.Medium)]
    [InlineData(40, RiskTier.High)]
    [InlineData(59.999999, RiskTier.High)]
    [InlineData(60, RiskTier.Critical)]
    [InlineData(100, RiskTier.Critical)]
    public void TierFor_WhenResidualRiskIsAroundABoundary_DecidesOnTheUnroundedValue(double residual, RiskTier expected)
    {
        Assert.Equal(expected, ScoringPolicy.Default.TierFor(residual));
    }

    [Theory]
    [InlineData(RiskTier.Low, Recommendation.Proceed, "Proceed", 36)]
    [InlineData(RiskTier.Medium, Recommendation.ProceedWithConditions, "Proceed with conditions", 24)]
    [InlineData(RiskTier.High, Recommendation.ProceedWithExecutiveApproval, "Proceed only with executive approval and conditions", 12)]
    [InlineData(RiskTier.Critical, Recommendation.DoNotProceed, "Do not proceed", 12)]
    public void RecommendationFor_WhenTierIsGiven_RecommendsAndSetsTheReassessmentInterval(RiskTier tier, Recommendation recommendation, string text, int months)
    {
        Assert.Equal(recommendation, ScoringPolicy.RecommendationFor(tier));
        Assert.Equal(text, recommendation.ToDisplayText());
        Assert.Equal(months, ScoringPolicy.Default.ReassessmentMonths(tier));
    }

    [Theory]
    [InlineData(2, 0, Recommendation.ProceedWithConditions, 24)]
    [InlineData(4, 0, Recommendation.ProceedWithExecutiveApproval, 12)]
    public void Score_WhenTierIsDecided_CarriesItsRecommendationAndReassessmentMonths(int sensitivity, double jurisdiction, Recommendation recommendation, int months)
    {
        var result = ScoringEngine.Score(Input(sensitivity, jurisdiction, controlsYes: false));

        Assert.Equal(recommendation, result.Recommendation);
        Assert.Equal(months, result.ReassessmentMonths);
    }

    [Theory]
    [InlineData(RiskTier.Low, "2029-01-31")]
    [InlineData(RiskTier.Medium, "2028-01-31")]
    [InlineData(RiskTier.High, "2027-01-31")]
    [InlineData(RiskTier.Critical, "2027-01-31")]
    public void DueDate_WhenDecided_AddsTheTiersMonthsToTheDecisionDate(RiskTier tier, string expected)
    {
        var due = Reassessment.DueDate(tier, new DateOnly(2026, 1, 31), ScoringPolicy.Default);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Fact]
    public void Score_Always_CarriesThePolicyIdAndParameters()
    {
        var policy = ScoringPolicy.Default with { Id = "custom-1", TierHighFrom = 35 };

        var result = ScoringEngine.Score(Input(5, 50, controlsYes: false) with { Policy = policy });

        Assert.Equal("custom-1", result.PolicyId);
        Assert.Equal(35, result.Policy.TierHighFrom);
        Assert.Equal("ipdd-2026.2", ScoringPolicy.Default.Id);
    }

    /// <summary>One Yes/No control, answered Yes (C = 100) or No (C = 0), and one country of the given J.</summary>
    private static ScoringInput Input(int sensitivity, double jurisdiction, bool controlsYes)
    {
        var template = Templates.Single(Templates.YesNo("Q"));
        return Scores.Input(template, controlsYes ? Answers.Yes("Q") : Answers.No("Q")) with
        {
            MaxSensitivity = sensitivity,
            Jurisdictions = [Scores.Country("XX", jurisdiction)],
        };
    }
}
