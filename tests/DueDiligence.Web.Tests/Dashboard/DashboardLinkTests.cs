using DueDiligence.Web.Features.Dashboard;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Risk;
using static DueDiligence.Web.Tests.Dashboard.PortfolioScenario;
using static DueDiligence.Web.Tests.Suppliers.ExportFiles;

namespace DueDiligence.Web.Tests.Dashboard;

/// <summary>
/// Every dashboard figure links to the supplier list filtered to exactly the suppliers it counts. The list's export, downloaded
/// with the link's filters, holds the same suppliers as the list itself.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardLinkTests(DashboardApp app)
{
    private PortfolioScenario Scenario => app.Scenario;

    [Fact]
    public async Task EveryFigure_LinksToASupplierListOfExactlyThatManySuppliers()
    {
        await KnownSuppliersAsync();
        var client = await app.SignInAsync(AppRoles.Executive);
        var overview = await Scenario.OverviewAsync();

        var mismatches = new List<string>();
        foreach (var (link, count) in Figures(overview))
        {
            var listed = await ListedAsync(client, link);
            if (listed.Count != count)
            {
                mismatches.Add($"{link}: dashboard {count}, list {listed.Count}");
            }
        }

        Assert.Empty(mismatches);
        Assert.True(overview.Reassessments.Overdue > 0 && overview.Reassessments.DueSoon > 0, "The data set has reassessments due.");
        Assert.True(overview.HeatMap.RowTotal(WorstJurisdictionLevel.Unknown) > 0, "The data set has an unknown jurisdiction.");
    }

    [Fact]
    public async Task HeatMapCells_LinkToListsThatTogetherHoldEverySupplierOnce()
    {
        await KnownSuppliersAsync();
        var client = await app.SignInAsync(AppRoles.Executive);
        var overview = await Scenario.OverviewAsync();

        var inCells = new List<string>();
        foreach (var level in HeatMap.Rows)
        {
            foreach (var band in HeatMap.Columns)
            {
                inCells.AddRange(await ListedAsync(client, SupplierListLinks.ForCell(level, band)));
            }
        }

        var everyone = await ListedAsync(client, SupplierListLinks.All);
        Assert.Equal(overview.SupplierCount, everyone.Count);
        Assert.Equal(everyone.Order(StringComparer.Ordinal), inCells.Order(StringComparer.Ordinal));
    }

    /// <summary>Suppliers in every kind of place: due on each side of both reassessment boundaries, unknown jurisdiction, submitted, decided.</summary>
    private async Task KnownSuppliersAsync()
    {
        var today = app.Clock.Today;
        foreach (var dueOn in new[] { today.AddDays(-1), today, today.AddDays(ReassessmentsDue.DueSoonDays), today.AddDays(ReassessmentsDue.DueSoonDays + 1) })
        {
            await Scenario.DecidedDueOnAsync(dueOn);
        }

        await Scenario.SubmittedAsync(await Scenario.NewSupplierAsync(UnknownCountry), maturity: 3);
        await Scenario.DecidedAsync(await Scenario.NewSupplierAsync(SevereCountry, HighCountry), maturity: 4);
    }

    private static IEnumerable<(string Link, int Count)> Figures(PortfolioOverview overview)
    {
        yield return (SupplierListLinks.All, overview.SupplierCount);
        foreach (var tier in overview.ByTier)
        {
            yield return (tier.Link, tier.Count);
        }

        foreach (var status in overview.ByStatus)
        {
            yield return (status.Link, status.Count);
        }

        yield return (SupplierListLinks.Overdue, overview.Reassessments.Overdue);
        yield return (SupplierListLinks.DueSoon, overview.Reassessments.DueSoon);
        foreach (var level in HeatMap.Rows)
        {
            yield return (SupplierListLinks.ForJurisdiction(level), overview.HeatMap.RowTotal(level));
            foreach (var band in HeatMap.Columns)
            {
                yield return (SupplierListLinks.ForCell(level, band), overview.HeatMap.Count(level, band));
            }
        }

        foreach (var band in HeatMap.Columns)
        {
            yield return (SupplierListLinks.ForBand(band), overview.HeatMap.ColumnTotal(band));
        }
    }

    /// <summary>The legal names the supplier list shows for the link's filters, read from its export.</summary>
    private static async Task<List<string>> ListedAsync(HttpClient client, string link)
    {
        Assert.StartsWith(SupplierListLinks.All, link, StringComparison.Ordinal);
        var export = "/suppliers/export.csv" + link[SupplierListLinks.All.Length..];
        return CsvRecords(await client.GetByteArrayAsync(export)).Skip(1).Select(r => r[0]).ToList();
    }
}
