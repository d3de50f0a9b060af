using System.Diagnostics;
using System.Globalization;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments.RiskSummary;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Pdf;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Bench;

/// <summary>
/// The executive risk summary of a decided demo assessment: the first download (Chromium starts), warm downloads, the
/// share of the work that is Chromium printing the HTML, and ten downloads at once. Goals: warm p50 ≤ 300 ms; all ten within 5 s.
/// </summary>
internal static class PdfReportBench
{
    private const string Supplier = "Brightpath Precision Moulding Co., Ltd.";
    private const int Simultaneous = 10;

    public static async Task RunAsync(BenchDatabase database)
    {
        await using var app = new BenchApp(database) { DemoData = true };
        var id = await DecidedAssessmentAsync(app);
        var invariant = CultureInfo.InvariantCulture;

        var cold = Stopwatch.StartNew();
        var first = await DownloadAsync(app, id);
        Console.WriteLine(string.Create(invariant,
            $"Risk summary of {Supplier}: {first.Content.Length / 1024.0:F0} KB, {first.FileName}; first download (cold, Chromium starts) {cold.Elapsed.TotalMilliseconds:F0} ms"));

        await using var scope = app.ScopeAs("bench-executive", AppRoles.Executive);
        var summary = await scope.ServiceProvider.GetRequiredService<DownloadRiskSummary>().SummaryAsync(id)
            ?? throw new InvalidOperationException("The demo assessment disappeared.");
        var renderer = app.Services.GetRequiredService<PdfRenderer>();
        var parameters = DownloadRiskSummary.Parameters(summary);
        var info = DownloadRiskSummary.DocumentInfo(summary);
        var html = await renderer.RenderComponentHtmlAsync<RiskSummaryDocument>(parameters, CancellationToken.None);

        await AsyncHarness.MeasureAsync("  query + model (SummaryAsync)", 3, 30, () => scope.ServiceProvider.GetRequiredService<DownloadRiskSummary>().SummaryAsync(id));
        await AsyncHarness.MeasureAsync("  HTML only (RenderComponentHtmlAsync)", 3, 30, () => renderer.RenderComponentHtmlAsync<RiskSummaryDocument>(parameters, CancellationToken.None));
        var direct = await AsyncHarness.MeasureAsync("  Chromium printing the same HTML (RenderHtmlAsync)", 3, 30, () => renderer.RenderHtmlAsync(html, info, CancellationToken.None));
        var component = await AsyncHarness.MeasureAsync("  component to PDF (RenderAsync)", 3, 30, () => renderer.RenderAsync<RiskSummaryDocument>(parameters, info, CancellationToken.None));
        Console.WriteLine(string.Create(invariant,
            $"  RenderAsync / RenderHtmlAsync p50: {AsyncHarness.Percentile(component, 0.5) / AsyncHarness.Percentile(direct, 0.5):F2} (HTML {html.Length / 1024.0:F0} KB)"));
        var warm = await AsyncHarness.MeasureAsync("GET report.pdf use case (query + HTML + PDF, warm)", 5, 30, () => DownloadAsync(app, id));

        var all = Stopwatch.StartNew();
        var latencies = await Task.WhenAll(Enumerable.Range(0, Simultaneous).Select(async _ =>
        {
            var started = Stopwatch.GetTimestamp();
            await DownloadAsync(app, id);
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }));
        Array.Sort(latencies);
        Console.WriteLine(string.Create(invariant,
            $"{Simultaneous} simultaneous downloads: all served in {all.Elapsed.TotalMilliseconds:F0} ms (fastest {latencies[0]:F0} ms, slowest {latencies[^1]:F0} ms; " +
            $"{app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PdfOptions>>().Value.Concurrency} print at a time)"));

        var p50 = AsyncHarness.Percentile(warm, 0.5);
        Console.WriteLine(string.Create(invariant,
            $"Goals: warm p50 {p50:F0} ms (≤ 300 ms: {(p50 <= 300 ? "met" : "MISSED")}); ten at once {all.Elapsed.TotalSeconds:F1} s (≤ 5 s: {(all.Elapsed.TotalSeconds <= 5 ? "met" : "MISSED")})"));
    }

    /// <summary>What the endpoint does for one request: its own scope, as the executive.</summary>
    private static async Task<PdfFile> DownloadAsync(BenchApp app, Guid id)
    {
        await using var scope = app.ScopeAs("bench-executive", AppRoles.Executive);
        return await scope.ServiceProvider.GetRequiredService<DownloadRiskSummary>().ExecuteAsync(id)
            ?? throw new InvalidOperationException("The demo assessment disappeared.");
    }

    private static async Task<Guid> DecidedAssessmentAsync(BenchApp app)
    {
        await using var scope = app.ScopeAs("bench-executive", AppRoles.Executive);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var supplier = await db.Suppliers.Where(s => s.LegalName == Supplier).Select(s => s.Id).SingleAsync();
        return await db.Assessments.Where(a => a.SupplierId == supplier && a.Status == AssessmentStatus.Decided).Select(a => a.Id).SingleAsync();
    }
}
