using System.Diagnostics;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Bench;

/// <summary>
/// Long lists at portfolio scale: the assessment list (a page of 25, sorted and paged in the database, the supplier's name by
/// a join) and a supplier's History tab (its events by the indexed supplier key) over 10,000 suppliers and 100,000 audit
/// events. Each is timed next to the query it replaced, run on the same data, as the "before" figure.
/// </summary>
internal static class ListsBench
{
    private const int AuditEventCount = 100_000;

    public static async Task RunAsync(BenchDatabase database)
    {
        await using var app = new BenchApp(database);
        var seeding = Stopwatch.StartNew();
        var (assessed, _) = await DashboardBench.SeedAsync(app, DashboardBench.DefaultSupplierCount);
        var events = await AddAuditEventsAsync(app);
        await app.AfterBulkLoadAsync();
        Console.WriteLine($"Seeded 10,000 suppliers, {assessed:N0} assessments and {events:N0} audit events in {seeding.Elapsed.TotalSeconds:F1} s");

        await using var scope = app.ScopeAs("bench-executive", AppRoles.Executive);
        var lists = scope.ServiceProvider.GetRequiredService<AssessmentListQueries>();
        var suppliers = scope.ServiceProvider.GetRequiredService<SupplierQueries>();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        Guid supplierId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            supplierId = await db.Suppliers.OrderBy(s => s.LegalNameKey).Skip(5_000).Select(s => s.Id).FirstAsync();
        }

        await AsyncHarness.MeasureAsync("Assessment list, before: every assessment (ListAsync), subqueries per row", 1, 5,
            () => PreviousListAllAsync(factory));
        await AsyncHarness.MeasureAsync("Assessment list, before: page 81 sorted by supplier (a subquery per row)", 3, 30,
            () => PreviousPageBySupplierAsync(factory, 2_000));
        await AsyncHarness.MeasureAsync("Assessment list, after: first page (started, newest first)", 5, 60,
            () => lists.ListPageAsync(AssessmentQueue.All, null, AssessmentSort.Started, descending: true, 0, 25));
        await AsyncHarness.MeasureAsync("Assessment list, after: page 81 sorted by supplier (skip 2,000)", 5, 60,
            () => lists.ListPageAsync(AssessmentQueue.All, null, AssessmentSort.Supplier, descending: false, 2_000, 25));
        await AsyncHarness.MeasureAsync("Assessment list, after: Decided queue sorted by analyst", 5, 60,
            () => lists.ListPageAsync(AssessmentQueue.Decided, null, AssessmentSort.Analyst, descending: false, 0, 25));

        await AsyncHarness.MeasureAsync("Supplier History, before: EntityKey = id OR Changes LIKE %id%", 2, 10,
            () => PreviousHistoryAsync(factory, supplierId));
        await AsyncHarness.MeasureAsync("Supplier History, after: SupplierKey = id (indexed)", 5, 60,
            () => suppliers.HistoryAsync(supplierId));
    }

    /// <summary>Updates suppliers' descriptions through the audited save until the trail holds 100,000 events.</summary>
    private static async Task<int> AddAuditEventsAsync(BenchApp app)
    {
        await using var scope = app.ScopeAs("bench-analyst", AppRoles.Analyst);
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        for (var round = 0; ; round++)
        {
            await using var db = await factory.CreateDbContextAsync();
            var count = await db.AuditEvents.CountAsync();
            if (count >= AuditEventCount)
            {
                return count;
            }

            var batch = await db.Suppliers.OrderBy(s => s.Id).Skip((round * 1_000) % 10_000).Take(Math.Min(1_000, AuditEventCount - count)).ToListAsync();
            foreach (var supplier in batch)
            {
                supplier.UpdateProfile(new SupplierProfile(supplier.LegalName, supplier.HqCountry, supplier.Category, Description: $"Bench revision {round}"), DateTime.UtcNow);
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>The previous ListAsync: every assessment of the queue, each row with its subqueries (name, snapshot, sign-offs, position).</summary>
    private static async Task<int> PreviousListAllAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await PreviousRows(db, db.Assessments.AsNoTracking().OrderByDescending(a => a.CreatedAtUtc)).ToListAsync()).Count;
    }

    /// <summary>The previous page query: sorted by a subquery for the supplier's name, the same projection on the page.</summary>
    private static async Task<int> PreviousPageBySupplierAsync(IDbContextFactory<AppDbContext> factory, int skip)
    {
        await using var db = await factory.CreateDbContextAsync();
        var total = await db.Assessments.CountAsync();
        var page = db.Assessments.AsNoTracking()
            .OrderBy(a => db.Suppliers.Where(s => s.Id == a.SupplierId).Select(s => s.LegalName).First()).ThenByDescending(a => a.CreatedAtUtc)
            .Skip(skip).Take(25);
        return (await PreviousRows(db, page).ToListAsync()).Count + total;
    }

    private static IQueryable<object> PreviousRows(AppDbContext db, IQueryable<Assessment> query) =>
        query.Select(a => new
        {
            a.Id,
            a.Status,
            Outcome = a.Decision == null ? (DecisionOutcome?)null : a.Decision.Outcome,
            Approvals = a.SignOffs.Count(s => s.Outcome != DecisionOutcome.Rejected && !s.Superseded),
            Required = a.SignOffs.Where(s => s.Outcome != DecisionOutcome.Rejected && !s.Superseded).OrderByDescending(s => s.AtUtc)
                .Select(s => (int?)s.RequiredApprovals).FirstOrDefault(),
            Latest = a.ScoreSnapshots.OrderByDescending(s => s.TakenAtUtc).Select(s => new { s.Tier, s.ResidualRisk }).FirstOrDefault(),
            Live = db.SupplierPositions.Where(p => p.LiveAssessmentId == a.Id && p.LiveTier != null)
                .Select(p => new { Tier = p.LiveTier!.Value, ResidualRisk = p.LiveResidualRisk!.Value }).FirstOrDefault(),
            SupplierName = db.Suppliers.Where(s => s.Id == a.SupplierId).Select(s => s.LegalName).First(),
        });

    private static async Task<int> PreviousHistoryAsync(IDbContextFactory<AppDbContext> factory, Guid supplierId)
    {
        var key = supplierId.ToString();
        await using var db = await factory.CreateDbContextAsync();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityKey == key || e.Changes.Contains(key)).OrderByDescending(e => e.Id).Take(500).ToListAsync();
        return events.Count;
    }
}
