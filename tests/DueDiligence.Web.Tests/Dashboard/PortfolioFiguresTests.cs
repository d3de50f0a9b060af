using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Dashboard;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Dashboard;

/// <summary>
/// The dashboard groups the stored supplier positions in the database; its figures equal those of the computation it
/// replaced, which loaded every supplier, site and score snapshot and counted them in memory.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PortfolioFiguresTests(DashboardApp app)
{
    [Fact]
    public async Task GetAsync_OnDemoData_EqualsTheInMemoryComputation()
    {
        var overview = await app.Scenario.OverviewAsync();
        var (heatMap, tiers, statuses, overdue, dueSoon, total) = await InMemoryAsync(overview.AsOf);

        Assert.True(total > 10, "demo data is loaded");
        Assert.Equal(total, overview.SupplierCount);
        Assert.Equal(tiers, overview.ByTier.Select(t => (t.Label, t.Count)).ToList());
        Assert.Equal(statuses, overview.ByStatus.Select(s => (s.Status, s.Count)).ToList());
        Assert.Equal((overdue, dueSoon), (overview.Reassessments.Overdue, overview.Reassessments.DueSoon));
        foreach (var row in HeatMap.Rows)
        {
            foreach (var band in HeatMap.Columns)
            {
                Assert.True(heatMap.Count(row, band) == overview.HeatMap.Count(row, band), $"{row} × {band?.Code ?? "none"}");
            }
        }
    }

    /// <summary>The dashboard's figures as they were computed before the positions were stored.</summary>
    private async Task<(HeatMap, List<(string, int)>, List<(SupplierStatus, int)>, int, int, int)> InMemoryAsync(DateOnly today)
    {
        var risks = await app.AsUserAsync(PortfolioScenario.Executive, PortfolioScenario.ExecutiveRole, s => s.GetRequiredService<JurisdictionRiskLookup>().AllAsync());
        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var suppliers = await db.Suppliers.AsNoTracking().Select(s => new { s.Id, s.Status, s.LatestTier, s.ReassessmentDueOn, s.HqCountry }).ToListAsync();
        var sites = (await db.Set<Site>().AsNoTracking().Select(site => new { SupplierId = EF.Property<Guid>(site, "SupplierId"), site.Country }).ToListAsync())
            .ToLookup(site => site.SupplierId, site => site.Country);
        var snapshots = await db.Assessments.AsNoTracking()
            .SelectMany(a => a.ScoreSnapshots, (a, k) => new { a.SupplierId, k.Kind, k.TakenAtUtc, k.Id, k.ControlScore })
            .ToListAsync();
        var controlScores = snapshots.GroupBy(k => k.SupplierId).ToDictionary(
            g => g.Key,
            g => g.OrderByDescending(k => k.Kind == ScoreSnapshotKind.Decision).ThenByDescending(k => k.TakenAtUtc).ThenByDescending(k => k.Id).First().ControlScore);

        var heatMap = new HeatMap(suppliers.Select(s => (
            WorstJurisdiction.Of(sites[s.Id].Prepend(s.HqCountry), risks),
            ControlScoreBand.Of(controlScores.TryGetValue(s.Id, out var c) ? c : null),
            1)));
        var tiers = new[] { "Critical", "High", "Medium", "Low", "Not decided" }
            .Select(label => (label, suppliers.Count(s => (s.LatestTier?.ToString() ?? "Not decided") == label))).ToList();
        var statuses = Enum.GetValues<SupplierStatus>().Select(status => (status, suppliers.Count(s => s.Status == status))).ToList();
        var awaiting = suppliers.Where(s => s.ReassessmentDueOn is not null && ReassessmentWindow.AwaitingStatuses.Contains(s.Status)).ToList();
        return (heatMap, tiers, statuses,
            awaiting.Count(s => s.ReassessmentDueOn < today),
            awaiting.Count(s => s.ReassessmentDueOn >= today && s.ReassessmentDueOn <= ReassessmentWindow.DueSoonHorizon(today)),
            suppliers.Count);
    }
}
