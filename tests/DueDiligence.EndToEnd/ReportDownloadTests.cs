using System.Text.RegularExpressions;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

[Collection(E2ECollection.Name)]
public sealed partial class ReportDownloadTests(E2EFixture fixture)
{
    private const string Supplier = "Brightpath Precision Moulding Co., Ltd.";

    /// <summary>A demo assessment that awaits the executive's decision.</summary>
    private const string UndecidedSupplier = "Kinetic Design Studio Pvt. Ltd.";

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
        var pdf = await PdfArtifacts.SaveAsync(download);
        Assert.InRange(pdf.Pages, 3, 15);
        Assert.Contains(Supplier, await pdf.TextOfPageAsync(1), StringComparison.Ordinal);

        var images = await pdf.RenderPagesAsync("risk-summary");
        Assert.Equal(pdf.Pages, images.Count);
        Assert.All(images, image => Assert.True(new FileInfo(image).Length > 1000, $"{image} is empty."));
        for (var number = 1; number <= pdf.Pages; number++)
        {
            Assert.DoesNotContain("DRAFT", await pdf.TextOfPageAsync(number), StringComparison.Ordinal);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ExecutiveDownloadsRiskSummaryOfAnUndecidedAssessment_EveryPageIsMarkedAsADraft()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("executive@demo.local", "Demo-Executive-2026");
        await page.GotoAsync("/assessments?queue=Decision");
        await page.GetByTestId("assessment-link").Filter(new() { HasText = UndecidedSupplier }).ClickAsync();
        await page.WaitForURLAsync(AssessmentUrl());
        await page.WaitForCircuitAsync();

        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByTestId("download-risk-summary").ClickAsync(), new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });

        var pdf = await PdfArtifacts.SaveAsync(download);
        Assert.InRange(pdf.Pages, 3, 15);
        for (var number = 1; number <= pdf.Pages; number++)
        {
            Assert.Contains("DRAFT — not decided", await pdf.TextOfPageAsync(number), StringComparison.Ordinal);
        }

        var images = await pdf.RenderPagesAsync("risk-summary-draft");
        Assert.Equal(pdf.Pages, images.Count);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/assessments/[0-9a-f-]{36}$")]
    private static partial Regex AssessmentUrl();

}
