using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

[Collection(E2ECollection.Name)]
public sealed class SupplierJurisdictionJourneyTests(E2EFixture fixture)
{
    [Fact]
    public async Task AnalystCreatesSupplier_LegalRatesASiteCountryHigh_SupplierShowsItAsWorstWithJ65()
    {
        var name = $"Alpine Precision Optics {Guid.NewGuid():N}"[..36];

        // The analyst registers a supplier with its HQ in Switzerland and two sites in different countries.
        var analyst = await fixture.NewPageAsync();
        await analyst.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        var supplierUrl = await analyst.CreateSupplierAsync(name, "CH", ("CH", "Zurich"), ("PT", "Porto"));
        await Assertions.Expect(analyst.GetByTestId("supplier-name")).ToHaveTextAsync(name);
        await Assertions.Expect(analyst.GetByTestId("exposure-e")).ToHaveTextAsync("100.0");

        // The legal reviewer rates Portugal High.
        var legal = await fixture.NewPageAsync();
        await legal.SignInAsync("legal@demo.local", "Demo-Legal-2026");
        await legal.GotoAsync("/jurisdictions/PT");
        await legal.WaitForCircuitAsync();
        await legal.GetByTestId("rating-select").SelectOptionAsync("High");
        await legal.GetByTestId("next-review").FillAsync(DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd"));
        await legal.GetByTestId("rationale").FillAsync("Counterfeit moulds seized at the port; civil enforcement slow. Rated High for firmware exposure.");
        await legal.GetByTestId("save-rating").ClickAsync();
        await Assertions.Expect(legal.GetByTestId("rating-history")).ToContainTextAsync("Counterfeit moulds seized");
        await Assertions.Expect(legal.GetByTestId("jurisdiction-j")).ToHaveTextAsync("65.0");
        await legal.ScreenshotAsync("jurisdiction-rated");

        // The supplier now shows Portugal as its worst jurisdiction with J = 65.
        await legal.GotoAsync(supplierUrl);
        await legal.WaitForCircuitAsync();
        await legal.GetByRole(AriaRole.Tab, new() { Name = "Jurisdictions" }).ClickAsync();
        await Assertions.Expect(legal.GetByTestId("worst-country")).ToHaveTextAsync("Portugal");
        await Assertions.Expect(legal.GetByTestId("worst-j")).ToHaveTextAsync("65.0");
        await legal.ScreenshotAsync("supplier-jurisdictions");

        await analyst.Context.CloseAsync();
        await legal.Context.CloseAsync();
    }

    [Theory]
    [InlineData(390)]
    [InlineData(768)]
    [InlineData(1440)]
    public async Task SupplierList_AtPhoneTabletAndDesktopWidths_FitsTheScreenWithNoCellClipped(int width)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await page.SignInAsync("executive@demo.local", "Demo-Executive-2026");

        await page.GotoAsync("/suppliers");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("supplier-link").First).ToBeVisibleAsync();

        // Nothing wider than the window, and every cell shows its whole text ("Approved with conditions", "not decided").
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        var clipped = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[data-testid=supplier-grid] td')].filter(td => td.scrollWidth > td.clientWidth + 1).map(td => td.textContent.trim())");
        Assert.Empty(clipped);
        await Assertions.Expect(page.GetByTestId("row-status").Filter(new() { HasText = "Approved with conditions" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync($"supplier-list-{width}");

        await page.Context.CloseAsync();
    }
}
