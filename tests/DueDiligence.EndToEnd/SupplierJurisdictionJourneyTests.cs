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
        await legal.GetByTestId("rating-select").ChooseAsync("High");
        await legal.GetByTestId("next-review").FillDateAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)));
        await legal.GetByTestId("rationale").FillUntilKeptAsync("Counterfeit moulds seized at the port; civil enforcement slow. Rated High for firmware exposure.");
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
}
