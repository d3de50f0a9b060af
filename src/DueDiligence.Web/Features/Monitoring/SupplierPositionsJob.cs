using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Scheduling;

namespace DueDiligence.Web.Features.Monitoring;

/// <summary>
/// Keeps the suppliers' positions current where no user's change does: at start-up (before the app answers) it computes
/// the positions of suppliers that have none and of those computed with another scoring policy; then, at start and every
/// day, it recomputes every scored supplier, so that expired evidence and overdue conditions and findings move them. Each
/// run is done by the one instance that holds its lease. Every minute it also takes over the recompute after a country's
/// change that another instance left unfinished (<see cref="SupplierPositionUpdater.ResumeInterruptedAsync"/>).
/// </summary>
public sealed class SupplierPositionsJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<SupplierPositionsJob> logger) : BackgroundService
{
    public const string DailyLease = "supplier-positions-daily";

    public const string StartUpLease = "supplier-positions-start-up";

    private static readonly TimeSpan Every = TimeSpan.FromDays(1);

    private static readonly TimeSpan ResumeEvery = TimeSpan.FromMinutes(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RunAsync(StartUpLease, TimeSpan.FromMinutes(30), async (updater, ct) =>
            await updater.RecomputeAsync(await updater.NotCurrentAsync(ct), PositionTrigger.StartUp, ct), release: true, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        PeriodicRounds.RunAsync(Every, time, RunDailyAsync, stoppingToken),
        PeriodicRounds.RunAsync(ResumeEvery, time, ResumeInterruptedAsync, stoppingToken));

    /// <summary>The daily check; true when this instance held the lease and ran it.</summary>
    public Task<bool> RunDailyAsync(CancellationToken cancellationToken) =>
        RunAsync(DailyLease, Every - TimeSpan.FromHours(1), async (updater, ct) =>
            await updater.RecomputeAsync(await updater.ScoredAsync(ct), PositionTrigger.Daily, ct), release: false, cancellationToken);

    /// <summary>Recomputes left unfinished by an instance that stopped; each note is its own lease (no lease of the round).</summary>
    private async Task ResumeInterruptedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
            var resumed = await scope.ServiceProvider.GetRequiredService<SupplierPositionUpdater>().ResumeInterruptedAsync(cancellationToken);
            if (resumed > 0)
            {
                logger.LogWarning("Supplier positions: {Count} unfinished recomputes taken over.", resumed);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Taking over the unfinished recomputes of supplier positions failed; the next round tries again.");
        }
    }

    /// <summary>On a graceful stop the daily lease is given up, so that the app started next checks at its start.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<JobLeases>().ReleaseAsync(DailyLease, cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // The services were torn down before the stop: the lease runs out by itself.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The lease of the daily check of supplier positions could not be given up; it runs out by itself.");
        }
    }

    private async Task<bool> RunAsync(
        string lease, TimeSpan duration, Func<SupplierPositionUpdater, CancellationToken, Task<int>> work, bool release, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
            var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
            if (!await leases.TryTakeAsync(lease, duration, cancellationToken))
            {
                return false;
            }

            try
            {
                var count = await work(scope.ServiceProvider.GetRequiredService<SupplierPositionUpdater>(), cancellationToken);
                logger.LogInformation("Supplier positions ({Lease}): {Count} suppliers recomputed.", lease, count);
            }
            finally
            {
                if (release)
                {
                    await leases.ReleaseAsync(lease, CancellationToken.None);
                }
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed run (the database unreachable, say) must not stop the app; the next run tries again.
            logger.LogError(e, "Recomputing the supplier positions ({Lease}) failed; the next run tries again.", lease);
            return false;
        }
    }
}
