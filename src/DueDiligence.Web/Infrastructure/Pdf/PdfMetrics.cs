using System.Diagnostics.Metrics;

namespace DueDiligence.Web.Infrastructure.Pdf;

/// <summary>
/// The PDF queue as numbers (meter <c>DueDiligence.Pdf</c>): how many reports wait for a print slot, how long they waited,
/// and how long printing took. <see cref="Waiting"/> is the queue's length now, for a status page.
/// </summary>
public sealed class PdfMetrics
{
    public const string MeterName = "DueDiligence.Pdf";

    private readonly UpDownCounter<int> _queueLength;
    private readonly Histogram<double> _wait;
    private readonly Histogram<double> _duration;
    private int _waiting;

    public PdfMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _queueLength = meter.CreateUpDownCounter<int>("duediligence.pdf.queue.length", "{report}", "Reports waiting for a print slot.");
        _wait = meter.CreateHistogram<double>("duediligence.pdf.queue.wait", "s", "How long a report waited for a print slot.");
        _duration = meter.CreateHistogram<double>("duediligence.pdf.duration", "s", "How long Chromium took to print a report, once it had a slot.");
    }

    public int Waiting => Volatile.Read(ref _waiting);

    public void Queued()
    {
        Interlocked.Increment(ref _waiting);
        _queueLength.Add(1);
    }

    public void LeftQueue(TimeSpan waited, bool gotSlot)
    {
        Interlocked.Decrement(ref _waiting);
        _queueLength.Add(-1);
        if (gotSlot)
        {
            _wait.Record(waited.TotalSeconds);
        }
    }

    public void Printed(TimeSpan took) => _duration.Record(took.TotalSeconds);
}
