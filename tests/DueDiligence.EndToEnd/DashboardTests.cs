using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

[Collection(E2ECollection.Name)]
public sealed class DashboardTests(E2EFixture fixture)
{
    private const int SupplierListPageSize = 25;

    [Fact]
    public async Task ExecutiveSignsIn_LandsOnTheDashboard_HeatMapCellOpensTheFilteredSupplierList()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("executive@demo.local", "Demo-Executive-2026");
        await page.WaitForCircuitAsync();

        // The executive's home page is the portfolio dashboard.
        await Assertions.Expect(page.GetByTestId("portfolio-dashboard")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("work-queue").Filter(new() { HasText = "Awaiting decision" })).ToContainTextAsync("your queue");
        await page.ScreenshotAsync("dashboard-executive-home");

        // The fullest heat-map cell leads to exactly its suppliers.
        var cells = page.GetByTestId("heat-cell");
        var counts = (await cells.AllInnerTextsAsync()).Select(int.Parse).ToList();
        var fullest = counts.IndexOf(counts.Max());
        Assert.True(counts[fullest] > 0, "The demo data puts suppliers on the heat map.");
        var cell = cells.Nth(fullest);
        var level = await cell.GetAttributeAsync("data-jlevel");
        var band = await cell.GetAttributeAsync("data-cband");
        await cell.ClickAsync();

        await page.WaitForURLAsync(url => url.Contains($"/suppliers?jlevel={level}&cband={band}", StringComparison.Ordinal));
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("supplier-link")).ToHaveCountAsync(Math.Min(counts[fullest], SupplierListPageSize));
        // The filter is a MudBlazor select: its test id is on the input, which shows the chosen level as its value.
        await Assertions.Expect(page.GetByTestId("jurisdiction-filter")).ToHaveValueAsync(level!);
        await page.ScreenshotAsync("dashboard-heat-cell-suppliers");

        await page.Context.CloseAsync();
    }
}
