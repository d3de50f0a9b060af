using System.Text.RegularExpressions;

using DueDiligence.Web.Infrastructure.Pdf;

using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Pdf;

/// <summary>Real Chromium, real PDF files, read back with poppler-utils.</summary>
public sealed class PdfRendererTests(PdfFixture pdf) : IClassFixture<PdfFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RenderAsync_WhenTableSpansPages_PrintsSeveralA4Pages()
    {
        var report = await pdf.LongReport;

        var info = await report.InfoAsync();

        Assert.Matches(@"Page size:\s+595\.\d+ x 84[12]\.\d+ pts \(A4\)", info);
        Assert.InRange(await report.PageCountAsync(), 3, 20);
        Assert.Contains(PdfServices.Info.Title, info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_OnEveryPage_PrintsMarkingTitlePageXOfYAndGenerationTime()
    {
        var report = await pdf.LongReport;
        var pages = await report.PageCountAsync();

        var first = await report.PageTextAsync(1);
        var last = await report.PageTextAsync(pages);

        foreach (var text in new[] { first, last })
        {
            Assert.Contains(PdfServices.Info.ConfidentialityMarking, text, StringComparison.Ordinal);
            Assert.Contains(PdfServices.Info.Title, text, StringComparison.Ordinal);
            Assert.Contains("Generated 2026-11-23 14:05 UTC", text, StringComparison.Ordinal);
        }

        Assert.Contains($"Page 1 of {pages}", first, StringComparison.Ordinal);
        Assert.Contains($"Page {pages} of {pages}", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_WithAWatermark_PrintsItOnEveryPageAndWithoutOneOnNone()
    {
        var parameters = PdfServices.SampleParameters();
        parameters[nameof(SampleReport.Watermark)] = "DRAFT";
        var bytes = await pdf.Renderer.RenderAsync<SampleReport>(parameters, PdfServices.Info, None);
        var marked = await PdfFile.WriteAsync(bytes, pdf.Directory, "watermarked-report.pdf");
        var plain = await pdf.LongReport;

        var pages = await marked.PageCountAsync();
        Assert.True(pages > 2);
        for (var page = 1; page <= pages; page++)
        {
            Assert.InRange(await marked.WatermarkPixelsAsync(page), 300, int.MaxValue);
            Assert.InRange(await plain.WatermarkPixelsAsync(page), 0, 30);
        }
    }

    [Fact]
    public async Task RenderAsync_WhenTableSpansPages_RepeatsHeadingsAndKeepsTheLastRow()
    {
        var report = await pdf.LongReport;
        var pages = await report.PageCountAsync();

        // The last page holds only "End of report." (it starts with a page break); the last row is before it.
        var lastRowPage = await report.PageTextAsync(pages - 1);

        Assert.Contains(SampleReport.SupplierCode(200), lastRowPage, StringComparison.Ordinal);
        Assert.Contains("Residual risk", lastRowPage, StringComparison.Ordinal);
        Assert.Contains("End of report.", await report.PageTextAsync(pages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Always_EmbedsEveryFont()
    {
        var report = await pdf.LongReport;

        var fonts = await report.FontsAsync();

        // pdffonts columns: name type encoding emb sub uni object ID
        var rows = Regex.Matches(fonts, @"^(\S+).*?\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", RegexOptions.Multiline);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal("yes", row.Groups[2].Value));
        Assert.Contains(rows, row => row.Groups[1].Value.Contains("DejaVuSans", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RenderAsync_TenSimultaneousRequests_AllSucceedWithAtMostTwoPrinting()
    {
        var printing = 0;
        var mostAtOnce = 0;
        pdf.Renderer.BeforePrint = async (_, ct) =>
        {
            var now = Interlocked.Increment(ref printing);
            InterlockedMax(ref mostAtOnce, now);
            await Task.Delay(200, ct); // long enough that unbounded jobs would overlap
            Interlocked.Decrement(ref printing);
        };
        try
        {
            var jobs = Enumerable.Range(0, 10)
                .Select(_ => pdf.Renderer.RenderAsync<SampleReport>(PdfServices.SampleParameters(rowCount: 20), PdfServices.Info, None));

            var results = await Task.WhenAll(jobs);

            Assert.All(results, bytes => Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]));
            Assert.Equal(2, mostAtOnce);
        }
        finally
        {
            pdf.Renderer.BeforePrint = null;
        }
    }

    [Fact]
    public async Task RenderAsync_TenSimultaneousRequestsOnColdService_LaunchOneBrowser()
    {
        await using var services = PdfServices.Create();
        var renderer = services.GetRequiredService<PdfRenderer>();

        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => renderer.RenderAsync<SampleReport>(PdfServices.SampleParameters(rowCount: 5), PdfServices.Info, None)));

        Assert.All(results, bytes => Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]));
        Assert.Equal(1, services.GetRequiredService<ChromiumBrowserHost>().Launches);
    }

    [Fact]
    public async Task RenderAsync_AfterBrowserWasKilled_LaunchesANewOneAndSucceeds()
    {
        await pdf.LongReport; // the shared browser is running
        var launchesBefore = pdf.Host.Launches;
        await BrowserProcess.KillAsync(await pdf.Host.GetBrowserAsync(None));

        var bytes = await pdf.Renderer.RenderAsync<SampleReport>(PdfServices.SampleParameters(rowCount: 5), PdfServices.Info, None);

        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        Assert.Equal(launchesBefore + 1, pdf.Host.Launches);
    }

    [Fact]
    public async Task RenderAsync_WhenBrowserDiesDuringTheJob_RetriesOnceOnAFreshBrowser()
    {
        var killed = 0;
        pdf.Renderer.BeforePrint = async (browser, _) =>
        {
            if (Interlocked.Exchange(ref killed, 1) == 0)
            {
                await BrowserProcess.KillAsync(browser);
            }
        };
        try
        {
            var launchesBefore = pdf.Host.Launches;

            var bytes = await pdf.Renderer.RenderAsync<SampleReport>(PdfServices.SampleParameters(rowCount: 5), PdfServices.Info, None);

            Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
            Assert.Equal(1, killed);
            Assert.Equal(launchesBefore + 1, pdf.Host.Launches);
        }
        finally
        {
            pdf.Renderer.BeforePrint = null;
        }
    }

    [Fact]
    public async Task RenderAsync_WhenChromiumIsNotInstalled_TellsTheUserHowToInstallIt()
    {
        await using var services = PdfServices.Create(("ChromiumPath", "/nonexistent/chromium"));
        var renderer = services.GetRequiredService<PdfRenderer>();

        var error = await Assert.ThrowsAsync<PdfUnavailableException>(
            () => renderer.RenderAsync<SampleReport>(PdfServices.SampleParameters(rowCount: 1), PdfServices.Info, None));

        Assert.Equal(
            "PDF reports need Chromium, which is not installed on this server. Install the Debian package chromium (./scripts/setup.sh does it) and try again.",
            error.Message);
    }

    [Fact]
    public async Task RenderAsync_WhenPrintingTakesTooLong_StopsWithATimeoutMessage()
    {
        await using var services = PdfServices.Create(("TimeoutSeconds", "1"));
        var renderer = services.GetRequiredService<PdfRenderer>();
        await services.GetRequiredService<ChromiumBrowserHost>().GetBrowserAsync(None); // the launch is not what is timed here
        renderer.BeforePrint = (_, ct) => Task.Delay(Timeout.Infinite, ct);

        var error = await Assert.ThrowsAsync<PdfUnavailableException>(
            () => renderer.RenderAsync<SampleReport>(PdfServices.SampleParameters(rowCount: 1), PdfServices.Info, None));

        Assert.StartsWith("The PDF report took longer than 1 seconds", error.Message, StringComparison.Ordinal);
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
