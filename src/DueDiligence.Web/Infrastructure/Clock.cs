namespace DueDiligence.Web.Infrastructure;

/// <summary>Shortcuts over <see cref="TimeProvider"/> for the two forms of "now" the domain uses.</summary>
public static class Clock
{
    /// <summary>Now, in whole microseconds: the precision every supported database keeps, so a time reads back as written.</summary>
    public static DateTime UtcNow(this TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
