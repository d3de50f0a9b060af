using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Scheduling;

namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>
/// Runs the <see cref="InterruptedUploadSweep"/> when the app starts and every hour after, on one instance at a time:
/// the instance that holds the sweep's lease sweeps; the others skip that round.
/// </summary>
public sealed class InterruptedUploadSweepJob(
    IServiceScopeFactory scopes, InterruptedUploadSweep sweep, TimeProvider time, ILogger<InterruptedUploadSweepJob> logger) : BackgroundService
{
    public const string LeaseName = "evidence-interrupted-upload-sweep";

    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(Every, time, RunOnceAsync, stoppingToken);

    /// <summary>
    /// On a graceful stop the lease is given up, so that the app started next (a restart, an upgrade) sweeps at its start
    /// instead of waiting for the lease of this process to run out.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<JobLeases>().ReleaseAsync(LeaseName, cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // The services were torn down before the stop (a host disposed without stopping): the lease runs out by itself.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The lease of the sweep of interrupted uploads could not be given up; it runs out by itself.");
        }
    }

    /// <returns>True when this instance held the lease and swept.</returns>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
            // Held a little less than a round, so that the holder renews it on its next round before anyone else may take it.
            if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().TryTakeAsync(LeaseName, Every - TimeSpan.FromMinutes(5), cancellationToken))
            {
                return false;
            }

            sweep.Sweep();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed round (the database unreachable, say) must not stop the app; the next round tries again.
            logger.LogError(e, "The sweep of interrupted uploads failed; it runs again in {Every}.", Every);
            return false;
        }
    }
}
