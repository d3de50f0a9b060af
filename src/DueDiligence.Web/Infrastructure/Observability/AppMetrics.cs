using System.Diagnostics.Metrics;
using DueDiligence.Web.Infrastructure.Notifications.Mail;

namespace DueDiligence.Web.Infrastructure.Observability;

/// <summary>
/// The app's own numbers (meter <c>DueDiligence</c>): circuits open now, refused sign-ins, and the e-mails waiting in the
/// outbox. The PDF queue has its meter of its own (<see cref="Pdf.PdfMetrics"/>).
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "DueDiligence";

    private readonly UpDownCounter<int> _circuits;
    private readonly Counter<long> _signInFailures;

    public AppMetrics(IMeterFactory meters, OutboxBacklog outbox)
    {
        var meter = meters.Create(MeterName);
        _circuits = meter.CreateUpDownCounter<int>("duediligence.circuits.active", "{circuit}", "Interactive sessions (Blazor circuits) open on this instance.");
        _signInFailures = meter.CreateCounter<long>("duediligence.signin.failures", "{attempt}", "Refused sign-ins and refused second steps.");
        // Read when a collector asks (once per export interval), not on every request.
        meter.CreateObservableGauge("duediligence.outbox.backlog", () => Backlog(outbox), "{mail}", "E-mails in the outbox not yet sent and not given up.");
    }

    /// <summary>No measurement while the database cannot be read: the readiness check reports that, a metric of 0 would hide it.</summary>
    private static IEnumerable<Measurement<int>> Backlog(OutboxBacklog outbox)
    {
        try
        {
            return [new Measurement<int>(outbox.CountPending())];
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or ObjectDisposedException)
        {
            return [];
        }
    }

    public void CircuitOpened() => _circuits.Add(1);

    public void CircuitClosed() => _circuits.Add(-1);

    /// <param name="step">"password" or "second-step".</param>
    public void SignInFailed(string step) => _signInFailures.Add(1, new KeyValuePair<string, object?>("step", step));
}
