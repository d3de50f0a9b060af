using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Scheduling;

namespace DueDiligence.Web.Features.Assessments.Reminders;

/// <summary>
/// Sends <see cref="DailyReminders"/> at start and every hour after, on the one instance that holds the reminders' lease.
/// Running more often than daily costs nothing: each reminder goes out once per item and day, so the first run after
/// midnight (UTC) sends the day's reminders and the others find them sent.
/// </summary>
public sealed class DailyRemindersJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<DailyRemindersJob> logger) : BackgroundService
{
    public const string LeaseName = "daily-reminders";

    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(Every, time, RunOnceAsync, stoppingToken);

    /// <summary>One run; the number of reminders sent now, or null when another instance held the lease or the run failed.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
            var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
            if (!await leases.TryTakeAsync(LeaseName, Every - TimeSpan.FromMinutes(5), cancellationToken))
            {
                return null;
            }

            try
            {
                var sent = await scope.ServiceProvider.GetRequiredService<DailyReminders>().SendTodaysAsync(cancellationToken);
                logger.LogInformation("Daily reminders: {Count} sent.", sent);
                return sent;
            }
            finally
            {
                // Released at once: the next hour's run, on whichever instance, only finds today's reminders sent.
                await leases.ReleaseAsync(LeaseName, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed run (the database unreachable, say) must not stop the app; the next run tries again.
            logger.LogError(e, "Sending the daily reminders failed; the next run tries again in {Every}.", Every);
            return null;
        }
    }
}
