using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Monitoring.MonitoringApp;

namespace DueDiligence.Web.Tests.Monitoring;

/// <summary>How a change and the positions it moves are saved together.</summary>
[Collection(MonitoringCollection.Name)]
public sealed class SupplierPositionUpdaterTests(MonitoringApp app)
{
    /// <summary>
    /// The recompute lets go of what it tracked once saved: a re-rating recomputes thousands of suppliers in one context,
    /// batch after batch, and each save's change detection scanned every earlier batch again (quadratic time).
    /// </summary>
    [Fact]
    public async Task SaveAsync_AfterTheRecompute_TracksOnlyWhatTheCallerTracked()
    {
        Guid[] suppliers = [await app.NewSupplierAsync(LowCountry), await app.NewSupplierAsync(LowCountry)];

        await app.AsUserAsync("system", [], async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var tracked = await db.Suppliers.FirstAsync(x => x.Id == suppliers[0]);

            await s.GetRequiredService<SupplierPositionUpdater>().SaveAsync(
                db, () => db.SaveChangesAsync(), new PositionTrigger("Checked"), AffectedSuppliers.Only(suppliers), CancellationToken.None);

            Assert.Same(tracked, Assert.Single(db.ChangeTracker.Entries()).Entity);
        });
    }
}
