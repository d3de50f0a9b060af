namespace DueDiligence.Web.Infrastructure.Scheduling;

/// <summary>The loop of the background jobs: a round at once, then one after each tick of a timer on the app's clock.</summary>
public static class PeriodicRounds
{
    /// <summary>
    /// Runs <paramref name="round"/> now and every <paramref name="every"/> until the app stops. The round runs off the
    /// timer's callback: ticks that come while a round runs count as one, so a clock moved a long way at once (a test's,
    /// or a machine waking from sleep) runs one round, not one per period missed.
    /// </summary>
    public static async Task RunAsync(TimeSpan every, TimeProvider time, Func<CancellationToken, Task> round, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every, time);
        do
        {
            await round(stoppingToken);
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        var ticked = await timer.WaitForNextTickAsync(stoppingToken);
        await Task.Yield();
        return ticked;
    }
}
