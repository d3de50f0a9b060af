using System.Collections.ObjectModel;
using System.Diagnostics;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Observability;
using DueDiligence.Web.Infrastructure.Pdf;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DueDiligence.Web.Tests.Operations;

/// <summary>
/// OpenTelemetry, on once an OTLP endpoint is configured (nothing listens there; the spans and metrics are also kept in
/// memory): a request, its database commands, a PDF printed each have a span; the app's metrics are recorded.
/// </summary>
public sealed class TelemetryTests(TelemetryTests.TracedApp traced) : IClassFixture<TelemetryTests.TracedApp>
{
    private readonly Kept<Activity> _spans = traced.Spans;
    private readonly Kept<MetricSnapshot> _metrics = traced.Metrics;
    private readonly AppFactory _app = traced.App;

    [Fact]
    public async Task ARequest_HasASpanWithItsCorrelationId_AndItsDatabaseCommandsAreSpansUnderIt()
    {
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var token = await SignInForm.OpenAsync(client);
        var id = $"trace-{Guid.NewGuid():N}";
        client.DefaultRequestHeaders.Add("X-Correlation-Id", id);

        await SignInForm.PostAsync(client, token, DemoAccounts.ForRole(AppRoles.Analyst).Email, "not-the-password-2026");

        var request = await EventuallyAsync(() => _spans.Snapshot().SingleOrDefault(s =>
            s.Kind == ActivityKind.Server && (string?)s.GetTagItem("duediligence.correlation_id") == id));
        Assert.Equal("POST", request.GetTagItem("http.request.method"));
        // The form's submit event is a trace of its own, linked to the request's (as Blazor traces component events).
        var traces = _spans.Snapshot().Where(s => s.Links.Any(l => l.Context.TraceId == request.TraceId)).Select(s => s.TraceId).Append(request.TraceId).ToHashSet();
        var commands = _spans.Snapshot().Where(s => traces.Contains(s.TraceId) && s.Source.Name == Telemetry.SourceName && s.DisplayName.StartsWith("db ", StringComparison.Ordinal)).ToList();
        Assert.Contains(commands, c => c.DisplayName == "db SELECT");
        Assert.All(commands, c => Assert.Equal(Expected(TestDatabase.Current.Provider), c.GetTagItem("db.system.name")));
        Assert.All(commands, c => Assert.Null(c.GetTagItem("db.query.text")));
    }

    [Fact]
    public async Task APdfPrinted_HasASpanAndItsDurationIsMeasured()
    {
        using var parent = new Activity("test").SetIdFormat(ActivityIdFormat.W3C);
        parent.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        parent.Start();

        await _app.Services.GetRequiredService<PdfRenderer>().RenderHtmlAsync(
            "<!DOCTYPE html><html><body><p>Telemetry</p></body></html>",
            new PdfDocumentInfo("Telemetry", "Confidential", DateTimeOffset.UnixEpoch),
            CancellationToken.None);
        parent.Stop();

        var span = Assert.Single(_spans.Snapshot(), s => s.DisplayName == "pdf render" && s.TraceId == parent.TraceId);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.True(span.Duration > TimeSpan.Zero);
        Flush();
        Assert.Contains(_metrics.Snapshot(), m => m.Name == "duediligence.pdf.duration");
    }

    [Fact]
    public async Task RefusedSignIns_AndTheOutboxBacklog_AreMeasured()
    {
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        await SignInForm.PostAsync(client, "nobody@example.org", "not-the-password-2026");
        Flush();

        var failures = _metrics.Snapshot().Where(m => m.Name == "duediligence.signin.failures").SelectMany(m => m.MetricPoints).ToList();
        Assert.Contains(failures, p => p.GetSumLong() >= 1 && Tag(p, "step") == "password");
        Assert.Contains(_metrics.Snapshot(), m => m.Name == "duediligence.outbox.backlog" && m.MetricPoints.Count > 0);
    }

    private static string Expected(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => "postgresql",
        DatabaseProvider.SqlServer => "microsoft.sql_server",
        _ => "sqlite",
    };

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    /// <summary>Collects the metrics now; the in-memory copy is taken whether or not the OTLP export (to nowhere) succeeds.</summary>
    private void Flush() => _app.Services.GetRequiredService<MeterProvider>().ForceFlush();

    /// <summary>The server span ends just after the response was sent: waits for it, at most ten seconds.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<T?> find)
        where T : class
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "The span never ended.");
            await Task.Delay(20);
        }
    }

    /// <summary>The app with OpenTelemetry on, exporting to nowhere and to memory.</summary>
    public sealed class TracedApp : IAsyncDisposable
    {
        public TracedApp()
        {
            App = new AppFactory(TestDatabase.Current, configure: builder =>
            {
                builder.UseSetting("OpenTelemetry:OtlpEndpoint", "http://127.0.0.1:9");
                // Nothing listens there: each export gives up at once.
                builder.UseSetting("OTEL_EXPORTER_OTLP_TIMEOUT", "200");
                builder.ConfigureTestServices(services =>
                {
                    services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
                    services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
                });
            });
        }

        public AppFactory App { get; }

        public Kept<Activity> Spans { get; } = new();

        public Kept<MetricSnapshot> Metrics { get; } = new();

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>What the exporter hands over, kept under a lock: spans end on many threads.</summary>
    public sealed class Kept<T> : Collection<T>
    {
        public List<T> Snapshot()
        {
            lock (Items)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, T item)
        {
            lock (Items)
            {
                base.InsertItem(index, item);
            }
        }
    }
}
