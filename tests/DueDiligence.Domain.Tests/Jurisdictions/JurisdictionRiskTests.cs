using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Tests.Jurisdictions;

/// <summary>SCORING.md §5: indicator mappings, re-normalised weights, legal rating, unknown countries and levels.</summary>
public sealed class JurisdictionRiskTests
{
    private static readonly ScoringPolicy Policy = ScoringPolicy.Default;

    [Theory]
    [InlineData(Ustr301Status.PriorityForeignCountry, 100)]
    [InlineData(Ustr301Status.PriorityWatchList, 75)]
    [InlineData(Ustr301Status.WatchList, 50)]
    [InlineData(Ustr301Status.NotListed, 0)]
    public void Compute_WhenOnlyUstr301IsKnown_MapsTheStatusToRisk(Ustr301Status status, double expected)
    {
        var result = JurisdictionRisk.Compute("XX", new JurisdictionIndicators { Ustr301Status = status }, null, Policy);

        Assert.Equal(expected, result.Value);
        Assert.Equal(JurisdictionRiskSource.Baseline, result.Source);
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 70)]
    [InlineData(3, 40)]
    [InlineData(0, 0)]
    public void Compute_WhenOnlyEuPriorityIsKnown_MapsThePriorityToRisk(int priority, double expected)
    {
        var result = JurisdictionRisk.Compute("XX", new JurisdictionIndicators { EuPriority = priority }, null, Policy);

        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(42, 58)]
    [InlineData(100, 0)]
    public void Compute_WhenOnlyCpiIsKnown_UsesHundredMinusCpi(double cpi, double expected)
    {
        var result = JurisdictionRisk.Compute("XX", new JurisdictionIndicators { Cpi = cpi }, null, Policy);

        Assert.Equal(expected, result.Value, 12);
    }

    [Theory]
    [InlineData(-2.5, 100)]
    [InlineData(0, 50)]
    [InlineData(1.5, 20)]
    [InlineData(2.5, 0)]
    [InlineData(-2.7, 100)]
    [InlineData(2.6, 0)]
    public void Compute_WhenOnlyWgiRuleOfLawIsKnown_MapsTheEstimateLinearlyAndClampsToTheScale(double estimate, double expected)
    {
        var result = JurisdictionRisk.Compute("XX", new JurisdictionIndicators { WgiRuleOfLaw = estimate }, null, Policy);

        Assert.Equal(expected, result.Value, 12);
    }

    [Fact]
    public void Compute_WhenAllIndicatorsAreKnown_AveragesThemWithThePolicyWeights()
    {
        var indicators = new JurisdictionIndicators
        {
            Ustr301Status = Ustr301Status.PriorityWatchList,
            EuPriority = 1,
            Cpi = 43,
            WgiRuleOfLaw = -0.5,
        };

        var result = JurisdictionRisk.Compute("CN", indicators, null, Policy);

        // 0.3 × 75 + 0.2 × 100 + 0.2 × 57 + 0.3 × 60
        Assert.Equal(71.9, result.Value, 9);
        Assert.Equal(JurisdictionLevel.High, result.Level);
        Assert.Equal([0.3, 0.2, 0.2, 0.3], result.Contributions.Select(c => c.RenormalisedWeight).Select(w => Math.Round(w, 12)));
        Assert.Equal(result.Value, result.Contributions.Sum(c => c.Contribution), 12);
    }

    [Fact]
    public void Compute_WhenSomeIndicatorsAreMissing_RenormalisesTheWeightsOverThoseKnown()
    {
        var indicators = new JurisdictionIndicators { Ustr301Status = Ustr301Status.WatchList, Cpi = 60 };

        var result = JurisdictionRisk.Compute("IN", indicators, null, Policy);

        // USTR 0.3 and CPI 0.2 become 0.6 and 0.4: 0.6 × 50 + 0.4 × 40
        Assert.Equal(46, result.Value, 9);
        Assert.Collection(result.Contributions,
            c =>
            {
                Assert.Equal(JurisdictionIndicator.Ustr301, c.Indicator);
                Assert.Equal("Watch List", c.RawValue);
                Assert.Equal(50, c.Risk);
                Assert.Equal(0.3, c.Weight);
                Assert.Equal(0.6, c.RenormalisedWeight, 12);
                Assert.Equal(30, c.Contribution, 9);
            },
            c =>
            {
                Assert.Equal(JurisdictionIndicator.Cpi, c.Indicator);
                Assert.Equal("60", c.RawValue);
                Assert.Equal(0.4, c.RenormalisedWeight, 12);
                Assert.Equal(16, c.Contribution, 9);
            });
    }

    [Theory]
    [InlineData(LegalRating.Low, 15)]
    [InlineData(LegalRating.Moderate, 40)]
    [InlineData(LegalRating.High, 65)]
    [InlineData(LegalRating.Severe, 90)]
    public void Compute_WhenLegalReviewerRatedTheCountry_ReplacesTheBaselineWithTheRatingValue(LegalRating rating, double expected)
    {
        var indicators = new JurisdictionIndicators { Cpi = 70 };

        var result = JurisdictionRisk.Compute("VN", indicators, rating, Policy);

        Assert.Equal(expected, result.Value);
        Assert.Equal(JurisdictionRiskSource.LegalRating, result.Source);
        Assert.Equal(30, result.Baseline!.Value, 9);
        Assert.False(result.IsUnknown);
    }

    [Fact]
    public void Compute_WhenLegalRatingButNoIndicators_UsesTheRating()
    {
        var result = JurisdictionRisk.Compute("VN", null, LegalRating.High, Policy);

        Assert.Equal(65, result.Value);
        Assert.Null(result.Baseline);
    }

    [Fact]
    public void Compute_WhenNoIndicatorAndNoRating_ReportsUnknownAndUsesFifty()
    {
        var result = JurisdictionRisk.Compute("ZZ", null, null, Policy);

        Assert.True(result.IsUnknown);
        Assert.Equal(JurisdictionRiskSource.Unknown, result.Source);
        Assert.Equal(50, result.Value);
        Assert.Empty(result.Contributions);
    }

    [Fact]
    public void Compute_WhenEveryIndicatorIsNull_ReportsUnknown()
    {
        var result = JurisdictionRisk.Compute("ZZ", new JurisdictionIndicators(), null, Policy);

        Assert.True(result.IsUnknown);
        Assert.Equal(50, result.Value);
    }

    [Theory]
    [InlineData(0, JurisdictionLevel.Low)]
    [InlineData(24.99, JurisdictionLevel.Low)]
    [InlineData(25, JurisdictionLevel.Moderate)]
    [InlineData(49.99, JurisdictionLevel.Moderate)]
    [InlineData(50, JurisdictionLevel.High)]
    [InlineData(74.99, JurisdictionLevel.High)]
    [InlineData(75, JurisdictionLevel.Severe)]
    [InlineData(100, JurisdictionLevel.Severe)]
    public void Compute_WhenJurisdictionRiskIsOnOrAroundABoundary_AssignsTheLevel(double risk, JurisdictionLevel expected)
    {
        var result = JurisdictionRisk.Compute("XX", new JurisdictionIndicators { Cpi = 100 - risk }, null, Policy);

        Assert.Equal(expected, result.Level);
    }

    [Theory]
    [InlineData(LegalRating.Low, JurisdictionLevel.Low)]
    [InlineData(LegalRating.Moderate, JurisdictionLevel.Moderate)]
    [InlineData(LegalRating.High, JurisdictionLevel.High)]
    [InlineData(LegalRating.Severe, JurisdictionLevel.Severe)]
    public void Compute_WhenRated_AssignsTheLevelOfTheRatingValue(LegalRating rating, JurisdictionLevel expected)
    {
        var result = JurisdictionRisk.Compute("XX", null, rating, Policy);

        Assert.Equal(expected, result.Level);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-1)]
    public void Compute_WhenEuPriorityIsOutsideZeroToThree_Throws(int priority)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            JurisdictionRisk.Compute("XX", new JurisdictionIndicators { EuPriority = priority }, null, Policy));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Compute_WhenCpiIsOutsideZeroToHundred_Throws(double cpi)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            JurisdictionRisk.Compute("XX", new JurisdictionIndicators { Cpi = cpi }, null, Policy));
    }
}
