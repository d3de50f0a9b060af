using System.Diagnostics;

namespace DueDiligence.Web.Infrastructure.Observability;

/// <summary>
/// The app's own spans (activity source <c>DueDiligence</c>): database commands, PDF printing, mail sending. A span
/// starts only while a tracer listens (OpenTelemetry configured); otherwise <see cref="ActivitySource.StartActivity(string, ActivityKind)"/>
/// returns null and costs nothing.
/// </summary>
public static class Telemetry
{
    public const string SourceName = "DueDiligence";

    public static ActivitySource Source { get; } = new(SourceName, Backups.AppVersion.Current);
}
