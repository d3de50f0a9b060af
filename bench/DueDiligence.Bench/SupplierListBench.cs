using System.Diagnostics;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Bench;

/// <summary>The supplier list with 10,000 suppliers (<c>--suppliers N</c> for another count): server-side search, filters, sort and paging. Goal: p95 &lt; 100 ms per page query.</summary>
internal static class SupplierListBench
{
    private const int BatchSize = 1000;
    private static readonly string[] CountryPool = ["CN", "VN", "IN", "MX", "TH", "ID", "MY", "TR", "BR", "TW", "KR", "PL", "RO", "PH", "BD", "EG"];
    private static readonly string[] Owners = ["owner-1", "owner-2", "owner-3", "owner-4", "owner-5"];

    public static async Task RunAsync(BenchDatabase database, int supplierCount)
    {
        await using var app = new BenchApp(database);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(app, supplierCount);
        await app.AfterBulkLoadAsync();
        Console.WriteLine($"Seeded {supplierCount:N0} suppliers (with sites, exposure and their audit events) in {seeding.Elapsed.TotalSeconds:F1} s");

        await using var scope = app.ScopeAs("bench-executive", AppRoles.Executive);
        var queries = scope.ServiceProvider.GetRequiredService<SupplierQueries>();
        var middle = supplierCount / 2 / 25 * 25;
        var cases = new (string Name, SupplierFilter Filter, int Skip)[]
        {
            ("first page, sorted by name", new SupplierFilter(), 0),
            ($"the middle page (skip {middle:N0})", new SupplierFilter(), middle),
            ("search by name fragment", new SupplierFilter { Search = "supplier 004" }, 0),
            ("status = Approved", new SupplierFilter { Status = SupplierStatus.Approved }, 0),
            ("country VN (HQ or any site)", new SupplierFilter { Country = "VN" }, 0),
            ("tier = High, sorted by R desc", new SupplierFilter { Tier = RiskTier.High, Sort = "-tier" }, 0),
            ("owner + status + country", new SupplierFilter { OwnerId = "owner-3", Status = SupplierStatus.Prospect, Country = "CN" }, 0),
            ("sorted by status, page 50", new SupplierFilter { Sort = "status" }, 1225),
        };

        var worstP95 = 0.0;
        foreach (var (name, filter, skip) in cases)
        {
            var timings = await AsyncHarness.MeasureAsync($"SupplierQueries.SearchAsync — {name}", 5, 60, () => queries.SearchAsync(filter, skip, 25));
            worstP95 = Math.Max(worstP95, AsyncHarness.Percentile(timings, 0.95));
        }

        Console.WriteLine($"Worst p95 over the cases: {worstP95:F1} ms (goal < 100 ms)");

        // The registration form's duplicate check compares the name with every name of the register (typos, word order).
        await AsyncHarness.MeasureAsync("SupplierQueries.SimilarAsync — a new name checked against the register", 3, 20,
            () => queries.SimilarAsync("Bench Suplier 004217 Limited", "CN", null));

        await TimeMatchKeyBackfillAsync(app, supplierCount);
    }

    // What the first start after the upgrade that stores the duplicate check's keys costs: every supplier filled once.
    private static async Task TimeMatchKeyBackfillAsync(BenchApp app, int supplierCount)
    {
        await using var scope = app.ScopeAs("bench-analyst", AppRoles.Analyst);
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Suppliers.ExecuteUpdateAsync(u => u.SetProperty(s => s.MatchKey, "").SetProperty(s => s.MatchStem, ""));
        }

        var filling = Stopwatch.StartNew();
        var filled = await SupplierMatchKeyBackfill.RunAsync(factory, CancellationToken.None);
        Console.WriteLine($"SupplierMatchKeyBackfill — the keys of {filled:N0} of {supplierCount:N0} suppliers filled at start-up in {filling.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task SeedAsync(BenchApp app, int supplierCount)
    {
        var random = new Random(20261123);
        var now = DateTime.UtcNow;
        for (var first = 0; first < supplierCount; first += BatchSize)
        {
            await using var scope = app.ScopeAs("bench-analyst", AppRoles.Analyst);
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            for (var number = first; number < Math.Min(supplierCount, first + BatchSize); number++)
            {
                var hq = CountryCode.Parse(CountryPool[random.Next(CountryPool.Length)]);
                var owner = Owners[random.Next(Owners.Length)];
                var supplier = new Supplier(new SupplierProfile($"Bench Supplier {number:D6} Ltd.", hq, (SupplierCategory)random.Next(6)), owner, owner.ToUpperInvariant(), now);
                supplier.ReplaceSites(Enumerable.Range(0, random.Next(1, 4))
                    .Select(s => new Site(CountryCode.Parse(CountryPool[random.Next(CountryPool.Length)]), $"City {s}", SiteActivity.ComponentManufacturing)), now);
                supplier.ReplaceExposure([new ExposureItem((IpAssetCategory)random.Next(7), random.Next(1, 6), null)], now);
                if (random.Next(3) == 0)
                {
                    supplier.StartAssessment(now);
                    var tier = (RiskTier)random.Next(4);
                    supplier.RecordDecision(random.Next(2) == 0 ? SupplierStatus.Approved : SupplierStatus.ApprovedWithConditions, tier, 10 + (int)tier * 20 + random.NextDouble() * 19, DateOnly.FromDateTime(now).AddMonths(12), now);
                }

                db.Suppliers.Add(supplier);
            }

            await db.SaveChangesAsync();
        }
    }
}
