using System.Text.RegularExpressions;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

[Collection(E2ECollection.Name)]
public sealed partial class PartnerSelectionJourneyTests(E2EFixture fixture)
{
    private const string DemoProject = "HM-4 handheld meter housing";

    [Fact]
    public async Task ExecutiveOpensTheDemoProject_DownloadsThePartnerSelectionPdf_WhosePagesRenderAsImages()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("executive@demo.local", "Demo-Executive-2026");
        await page.GotoAsync("/sourcing");
        await page.GetByTestId("project-link").Filter(new() { HasText = DemoProject }).ClickAsync();
        await page.WaitForURLAsync(ProjectUrl());
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("candidate-column")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=candidate-column][data-standing=Excluded]")).ToContainTextAsync("Kinetic Design Studio");
        await Assertions.Expect(page.GetByTestId("row-knock-outs").Locator("td").Last).ToHaveTextAsync("CT-01 answered No");
        await page.ScreenshotAsync("partner-selection-demo-project");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-partner-selection").ClickAsync());

        Assert.Matches(@"^partner-selection-hm-4-handheld-meter-housing-\d{4}-\d{2}-\d{2}\.pdf$", download.SuggestedFilename);
        var pdf = await PdfArtifacts.SaveAsync(download);
        Assert.InRange(pdf.Pages, 2, 6);
        var firstPage = await pdf.TextOfPageAsync(1);
        Assert.Contains(DemoProject, firstPage, StringComparison.Ordinal);
        Assert.Contains("Recommended partner:", firstPage, StringComparison.Ordinal);

        var images = await pdf.RenderPagesAsync("partner-selection");
        Assert.Equal(pdf.Pages, images.Count);
        Assert.All(images, image => Assert.True(new FileInfo(image).Length > 1000, $"{image} is empty."));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnalystOpensAProjectAndAddsCandidates_ExecutiveChoosesTheRecommendedPartnerWithAMemo()
    {
        var name = $"Die-cast frame {Guid.NewGuid():N}"[..22];

        // The analyst opens a project and adds two assessed suppliers through the picker's search.
        var analyst = await fixture.NewPageAsync();
        await analyst.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await analyst.GotoAsync("/sourcing/new");
        await analyst.WaitForCircuitAsync();
        await analyst.GetByTestId("project-name-input").FillAsync(name);
        await analyst.GetByTestId("project-need-input").FillAsync("Aluminium die-cast frame for the HM-4, 20k units/yr");
        await analyst.GetByTestId("save-project").ClickAsync();
        await analyst.WaitForURLAsync(ProjectUrl());
        await analyst.WaitForCircuitAsync();
        foreach (var search in new[] { "Eastern Seaboard", "Brightpath" })
        {
            await analyst.GetByTestId("candidate-search").PickAsync(search, search);
            await analyst.GetByTestId("add-candidate").ClickAsync();
            await Assertions.Expect(analyst.GetByTestId("candidate-row").Filter(new() { HasText = search })).ToHaveCountAsync(1);
        }

        await Assertions.Expect(analyst.GetByTestId("candidate-column")).ToHaveCountAsync(2);
        await Assertions.Expect(analyst.GetByTestId("choose")).ToHaveCountAsync(0);
        await analyst.ScreenshotAsync("partner-selection-analyst-candidates");
        var projectUrl = new Uri(analyst.Url).PathAndQuery;

        // The executive sees the recommendation, tries to record without a memo, then chooses rank 1 with one.
        var executive = await fixture.NewPageAsync();
        await executive.SignInAsync("executive@demo.local", "Demo-Executive-2026");
        await executive.GotoAsync(projectUrl);
        await executive.WaitForCircuitAsync();
        var recommended = (await executive.GetByTestId("recommendation-headline").TextContentAsync())!.Replace("Recommended partner: ", "", StringComparison.Ordinal);
        await executive.GetByTestId("choose-partner").ClickAsync();
        await Assertions.Expect(executive.GetByTestId("choose")).ToContainTextAsync("Write the decision memo: why this partner, and on what conditions.");
        await executive.GetByTestId("choice-supplier").ClickAsync();
        await executive.Locator(".mud-popover-open").GetByRole(AriaRole.Option).Filter(new() { HasText = $"1. {recommended}" }).ClickAsync();
        await executive.GetByTestId("choice-memo").FillUntilKeptAsync("Recommended partner chosen: lowest residual risk, dies stay our property.");
        await executive.GetByTestId("choose-partner").ClickAsync();
        await Assertions.Expect(executive.GetByTestId("confirm-message")).ToContainTextAsync("the choice and the memo are fixed in the partner-selection report");
        await executive.ConfirmAsync();

        await Assertions.Expect(executive.GetByTestId("chosen-partner")).ToContainTextAsync($"Chosen partner: {recommended}");
        await Assertions.Expect(executive.GetByTestId("decision-memo")).ToHaveTextAsync("Recommended partner chosen: lowest residual risk, dies stay our property.");
        await Assertions.Expect(executive.GetByTestId("project-status")).ToHaveTextAsync("Partner chosen");
        await Assertions.Expect(executive.GetByTestId("choose")).ToHaveCountAsync(0);
        await executive.ScreenshotAsync("partner-selection-chosen");

        await analyst.Context.CloseAsync();
        await executive.Context.CloseAsync();
    }

    [GeneratedRegex(@"/sourcing/[0-9a-f-]{36}$")]
    private static partial Regex ProjectUrl();

}
