namespace DueDiligence.Web.Tests.Dashboard;

/// <summary>The real clock moved by an offset, so that a test can decide an assessment "a year ago" and look at it today.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().UtcDateTime);
}
