using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

[Collection(E2ECollection.Name)]
public sealed partial class ReportDownloadTests(E2EFixture fixture)
{
    private const string Supplier = "Brightpath Precision Moulding Co., Ltd.";

    [Fact]
    public async Task ExecutiveDownloadsRiskSummaryOfADecidedAssessment_SavesAPdfWhosePagesRenderAsImages()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("executive@demo.local", "Demo-Executive-2026");
        await page.GotoAsync("/assessments?queue=Decided");
        await page.GetByTestId("assessment-link").Filter(new() { HasText = Supplier }).ClickAsync();
        await page.WaitForURLAsync(AssessmentUrl());
        await page.WaitForCircuitAsync();

        // The first PDF of a fresh app also starts the server's Chromium: allow for it on a busy machine.
        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByTestId("download-risk-summary").ClickAsync(), new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });

        Assert.Matches(@"^risk-summary-brightpath-precision-moulding-co-ltd-\d{4}-\d{2}-\d{2}\.pdf$", download.SuggestedFilename);
        var reports = RepositoryPaths.Artifacts("reports");
        var pdf = Path.Combine(reports, download.SuggestedFilename);
        await download.SaveAsAsync(pdf);
        var pages = int.Parse(PagesLine().Match(await RunAsync("pdfinfo", pdf)).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(pages, 3, 15);
        Assert.Contains(Supplier, await RunAsync("pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-"), StringComparison.Ordinal);

        var prefix = Path.Combine(reports, "risk-summary-page");
        foreach (var old in Directory.GetFiles(reports, "risk-summary-page-*.png"))
        {
            File.Delete(old);
        }

        await RunAsync("pdftoppm", "-png", "-r", "60", pdf, prefix);

        var images = Directory.GetFiles(reports, "risk-summary-page-*.png");
        Assert.Equal(pages, images.Length);
        Assert.All(images, image => Assert.True(new FileInfo(image).Length > 1000, $"{image} is empty."));
        await page.Context.CloseAsync();
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}");
    }

    [GeneratedRegex(@"/assessments/[0-9a-f-]{36}$")]
    private static partial Regex AssessmentUrl();

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
