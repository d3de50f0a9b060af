namespace DueDiligence.Web.Infrastructure;

/// <summary>Shortcuts over <see cref="TimeProvider"/> for the two forms of "now" the domain uses.</summary>
public static class Clock
{
    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
