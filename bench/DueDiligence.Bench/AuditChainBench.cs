using System.Diagnostics;
using System.Globalization;
using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Bench;

/// <summary>
/// Verification of the audit chain as an administrator runs it from the audit log, over a trail of
/// <c>--events N</c> events (1,000,000 unless told). Goal: ≥ 50,000 events/s, a million-event chain in &lt; 30 s.
/// </summary>
internal static class AuditChainBench
{
    private const int DefaultEventCount = 1_000_000;
    private const int BatchSize = 10_000;
    private const int NewEventsForTheQuickCheck = 1_000;

    public static async Task RunAsync(BenchDatabase database, IReadOnlyList<string> args)
    {
        var eventCount = BenchArguments.Count(args, "--events", DefaultEventCount);
        await using var app = new BenchApp(database);
        var seeding = Stopwatch.StartNew();
        var total = await AppendAsync(app, eventCount);
        await app.AfterBulkLoadAsync();
        Console.WriteLine($"Seeded {eventCount:N0} audit events ({total:N0} in the trail) in {seeding.Elapsed.TotalSeconds:F1} s");

        await using var scope = app.ScopeAs("bench-admin", AppRoles.Admin);
        var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
        for (var run = 1; run <= 3; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await log.VerifyAsync();
            var elapsed = Stopwatch.GetElapsedTime(started);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"AuditLog.VerifyAsync run {run}: {(result.IsIntact ? "intact" : "BROKEN")}, {result.VerifiedCount:N0} events in {elapsed.TotalSeconds:F2} s " +
                $"= {result.VerifiedCount / elapsed.TotalSeconds:N0} events/s"));
        }

        // The last full run recorded where it ended: the quick check walks only what is written after it.
        await AppendAsync(app, NewEventsForTheQuickCheck);
        for (var run = 1; run <= 3; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await log.VerifySinceLastFullAsync();
            var elapsed = Stopwatch.GetElapsedTime(started);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"AuditLog.VerifySinceLastFullAsync run {run} ({NewEventsForTheQuickCheck:N0} new events): {(result.IsIntact ? "intact" : "BROKEN")} in {elapsed.TotalMilliseconds:F0} ms"));
        }
    }

    /// <summary>Events of a realistic size (a supplier update's field changes), chained after whatever the app wrote at start-up.</summary>
    private static async Task<long> AppendAsync(BenchApp app, int eventCount)
    {
        var signer = app.Services.GetRequiredService<AuditChainSigner>();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        string previousHash;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            previousHash = await db.AuditEvents.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync() ?? AuditChain.Genesis;
        }

        var at = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var written = 0; written < eventCount; written += BatchSize)
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = written; i < Math.Min(eventCount, written + BatchSize); i++)
            {
                var changes = $$$"""{"LegalName":{"before":"Supplier {{{i}}} Ltd","after":"Supplier {{{i}}} Co., Ltd"},"Status":{"before":"Draft","after":"Active"}}""";
                var audit = AuditEvent.Create(signer, previousHash, at.AddSeconds(i), "analyst@demo.local", "Supplier", Guid.NewGuid().ToString(), AuditAction.Update, changes);
                db.AuditEvents.Add(audit);
                previousHash = audit.Hash;
            }

            await db.SaveChangesAsync();
        }

        await using var count = await contexts.CreateDbContextAsync();
        return await count.AuditEvents.LongCountAsync();
    }
}
