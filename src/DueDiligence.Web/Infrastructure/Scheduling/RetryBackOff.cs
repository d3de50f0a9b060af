namespace DueDiligence.Web.Infrastructure.Scheduling;

/// <summary>
/// How long an outbox (e-mail, webhooks) waits before trying a refused delivery again: the first wait, doubled for each
/// further refusal, at most six hours.
/// </summary>
public static class RetryBackOff
{
    public static readonly TimeSpan Longest = TimeSpan.FromHours(6);

    /// <summary>The wait after the <paramref name="failures"/>th refusal in a row, starting from <paramref name="firstWaitSeconds"/> (at least one second).</summary>
    public static TimeSpan After(int failures, int firstWaitSeconds)
    {
        var first = TimeSpan.FromSeconds(Math.Max(firstWaitSeconds, 1));
        var doublings = Math.Clamp(failures - 1, 0, 20);
        var wait = first * Math.Pow(2, doublings);
        return wait < Longest ? wait : Longest;
    }
}
