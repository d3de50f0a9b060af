using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Dashboard;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Risk;
using static DueDiligence.Web.Tests.Dashboard.PortfolioScenario;

namespace DueDiligence.Web.Tests.Dashboard;

/// <summary>The dashboard's counts for suppliers the test puts in known places; each test asserts what its own suppliers changed.</summary>
[Collection(DashboardCollection.Name)]
public sealed class HeatMapTests(DashboardApp app)
{
    private PortfolioScenario Scenario => app.Scenario;

    [Fact]
    public async Task HeatMap_WhenSuppliersAreScored_CountsEachByWorstJurisdictionAndControlBand()
    {
        var before = await Scenario.OverviewAsync();

        await Scenario.SubmittedAsync(await Scenario.NewSupplierAsync(SevereCountry), maturity: 0);
        await Scenario.DecidedAsync(await Scenario.NewSupplierAsync(LowCountry, HighCountry), maturity: 2);
        await Scenario.SubmittedAsync(await Scenario.NewSupplierAsync(LowCountry), maturity: 4);
        await Scenario.DraftAsync(await Scenario.NewSupplierAsync(ModerateCountry, UnknownCountry), maturity: 4);

        var after = await Scenario.OverviewAsync();
        Assert.Equal(
            [
                ("Severe", "0-20", 1),
                ("High", "40-60", 1),
                ("Low", "80-100", 1),
                ("Unknown", "none", 1),
            ],
            Changes(before.HeatMap, after.HeatMap));
        Assert.Equal(before.SupplierCount + 4, after.SupplierCount);
    }

    [Fact]
    public async Task HeatMap_WhenANewerSubmissionFollowsADecision_KeepsTheDecidedScore()
    {
        var before = await Scenario.OverviewAsync();
        var supplier = await Scenario.NewSupplierAsync(ModerateCountry);
        await Scenario.DecidedAsync(supplier, maturity: 1);

        await Scenario.SubmittedAsync(supplier, maturity: 4);

        var after = await Scenario.OverviewAsync();
        Assert.Equal([("Moderate", "20-40", 1)], Changes(before.HeatMap, after.HeatMap));
    }

    [Fact]
    public async Task HeatMap_WhenResubmittedAfterReturn_UsesTheLatestSubmission()
    {
        var before = await Scenario.OverviewAsync();

        await Scenario.ResubmittedAsync(await Scenario.NewSupplierAsync(HighCountry), firstMaturity: 1, secondMaturity: 3);

        var after = await Scenario.OverviewAsync();
        Assert.Equal([("High", "60-80", 1)], Changes(before.HeatMap, after.HeatMap));
    }

    [Fact]
    public async Task HeatMap_WhenAKnownJurisdictionIsWorseThanAnUnknownOne_RowIsTheKnownLevel()
    {
        var before = await Scenario.OverviewAsync();

        await Scenario.NewSupplierAsync(UnknownCountry, SevereCountry);
        await Scenario.NewSupplierAsync(LowCountry, UnknownCountry);

        var after = await Scenario.OverviewAsync();
        Assert.Equal([("Severe", "none", 1), ("Unknown", "none", 1)], Changes(before.HeatMap, after.HeatMap));
    }

    [Fact]
    public async Task TiersAndStatuses_WhenAssessmentsAreDecided_MoveSuppliersFromProspectAndNotDecided()
    {
        var before = await Scenario.OverviewAsync();

        // Low jurisdiction (J 15), firmware (E 100): C 50 gives R 34.5 (Medium), C 0 gives R 57.5 (High).
        await Scenario.DecidedAsync(await Scenario.NewSupplierAsync(LowCountry), maturity: 2);
        await Scenario.DecidedAsync(await Scenario.NewSupplierAsync(LowCountry), maturity: 0, DecisionOutcome.Rejected);
        await Scenario.NewSupplierAsync(LowCountry);

        var after = await Scenario.OverviewAsync();
        Assert.Equal([(RiskTier.High, 1), (RiskTier.Medium, 1), ((RiskTier?)null, 1)], Changes(before.ByTier, after.ByTier, t => t.Tier, t => t.Count));
        Assert.Equal(
            [(SupplierStatus.Prospect, 1), (SupplierStatus.Approved, 1), (SupplierStatus.Rejected, 1)],
            Changes(before.ByStatus, after.ByStatus, s => s.Status, s => s.Count));
    }

    [Fact]
    public async Task Overview_WhenUserHasNoRole_IsRefused()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => Scenario.OverviewAsync("nobody@test", []));
    }

    [Fact]
    public void ControlScoreBand_OfABoundary_IsTheBandThatStartsThere()
    {
        Assert.Equal("0-20", ControlScoreBand.Of(0)!.Code);
        Assert.Equal("0-20", ControlScoreBand.Of(19.999)!.Code);
        Assert.Equal("40-60", ControlScoreBand.Of(40)!.Code);
        Assert.Equal("80-100", ControlScoreBand.Of(100)!.Code);
        Assert.Null(ControlScoreBand.Of(null));
    }

    /// <summary>The heat-map cells whose count changed, in reading order, with the change.</summary>
    private static List<(string Jurisdiction, string Band, int Change)> Changes(HeatMap before, HeatMap after) =>
        (from level in HeatMap.Rows
         from band in HeatMap.Columns
         let change = after.Count(level, band) - before.Count(level, band)
         where change != 0
         select (level.ToString(), band?.Code ?? "none", change)).ToList();

    private static List<(TKey Key, int Change)> Changes<T, TKey>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, TKey> key, Func<T, int> count) =>
        after.Select(a => (Key: key(a), Change: count(a) - before.Where(b => Equals(key(b), key(a))).Sum(count))).Where(c => c.Change != 0).ToList();
}
