using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

[Collection(E2ECollection.Name)]
public sealed class IpRightsJourneyTests(E2EFixture fixture)
{
    [Fact]
    public async Task LegalRegistersTrademarkInChinaOnly_AnalystAddsVietnameseSite_GapShowsOnTheSupplierAndInTheRiskSummary()
    {
        var mark = $"KESTREL {Guid.NewGuid():N}"[..16].ToUpperInvariant();
        var supplier = $"Kestrel Housings {Guid.NewGuid():N}"[..28];

        // Legal records our word mark as registered in China only, protecting brand assets.
        var legal = await fixture.NewPageAsync();
        await legal.SignInAsync("legal@demo.local", "Demo-Legal-2026");
        await legal.GotoAsync("/ip-rights/new");
        await legal.WaitForCircuitAsync();
        await legal.GetByTestId("right-kind").ChooseAsync("Trademark (word)");
        // Typing right after the choice above can race its re-render: each field is filled until it keeps the text.
        await legal.GetByTestId("right-title-input").FillUntilKeptAsync(mark);
        await legal.GetByTestId("right-number").FillUntilKeptAsync("CN 40551234");
        await legal.GetByTestId("right-owner").FillUntilKeptAsync("Northwind Instruments GmbH");
        await legal.GetByTestId("right-protects").ChooseAsync("Brand assets");
        await legal.GetByTestId("right-protects").PressAsync("Escape"); // a multiple choice stays open until closed from the field
        await Assertions.Expect(legal.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await legal.GetByTestId("add-country").ClickAsync();
        await legal.GetByTestId("country-code").PickCountryAsync("CN");
        await legal.GetByTestId("country-registered").FillDateAsync(new DateOnly(2021, 4, 7));
        // What the form holds as it is saved: a failure here names the field that lost its value.
        await Assertions.Expect(legal.GetByTestId("right-title-input")).ToHaveValueAsync(mark);
        await Assertions.Expect(legal.GetByTestId("country-registered")).ToHaveValueAsync("2021-04-07");
        await legal.GetByTestId("save-right").ClickAsync();
        await legal.WaitForURLAsync("**/ip-rights");
        await Assertions.Expect(legal.GetByTestId("rights-table")).ToContainTextAsync(mark);
        await Assertions.Expect(legal.GetByTestId("rights-table").Locator("tr", new() { HasText = mark })).ToContainTextAsync("CN registered 2021-04-07");

        // The analyst's supplier works in China; then the analyst adds a site in Vietnam and the brand assets we would hand over.
        var analyst = await fixture.NewPageAsync();
        await analyst.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        var supplierUrl = await analyst.CreateSupplierAsync(supplier, "CN", ("CN", "Shenzhen"));
        await analyst.GetByTestId("edit-supplier").ClickAsync();
        await analyst.WaitForURLAsync("**/edit");
        await analyst.WaitForCircuitAsync();
        await analyst.GetByTestId("add-site").ClickAsync();
        await analyst.GetByTestId("site-country").Nth(1).PickCountryAsync("VN");
        await analyst.GetByTestId("site-city").Nth(1).FillUntilKeptAsync("Bac Ninh");
        await analyst.GetByTestId("add-exposure").ClickAsync();
        await analyst.GetByTestId("exposure-category").Nth(1).ChooseAsync("Brand assets");
        await analyst.GetByTestId("exposure-sensitivity").Nth(1).ChooseAsync("3");
        await analyst.GetByTestId("save-supplier").ClickAsync();
        await analyst.WaitForURLAsync($"**{supplierUrl}");
        await analyst.WaitForCircuitAsync();

        // The supplier's IP rights tab shows the gap in plain words, with the first-to-file rule and the Madrid route.
        await analyst.GetByRole(AriaRole.Tab, new() { Name = "IP rights" }).ClickAsync();
        var gap = analyst.GetByTestId("rights-gap").Filter(new() { HasText = mark });
        await Assertions.Expect(gap).ToContainTextAsync($"Our trademark “{mark}” (word mark), which protects brand assets, is not registered in Vietnam.");
        await Assertions.Expect(gap).ToContainTextAsync("Vietnam registers trademarks first-to-file");
        await Assertions.Expect(gap).ToContainTextAsync("designate it through the Madrid Protocol (Vietnam a Madrid member since 2006");
        await Assertions.Expect(analyst.GetByTestId("rights-gap").Filter(new() { HasText = $"“{mark}” (word mark), which protects brand assets, is not registered in China" })).ToHaveCountAsync(0);
        await analyst.ScreenshotAsync("supplier-ip-rights-gap");

        // The risk summary of the supplier's assessment prints the same gap on its "Protections in place" page.
        await analyst.GetByTestId("start-assessment-link").ClickAsync();
        await analyst.WaitForCircuitAsync();
        await analyst.GetByTestId("start-assessment").ClickAsync();
        await analyst.WaitForURLAsync("**/assessments/*");
        await analyst.WaitForCircuitAsync();
        var download = await analyst.RunAndWaitForDownloadAsync(
            () => analyst.GetByTestId("download-risk-summary").ClickAsync(), new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });
        var pdf = await PdfArtifacts.SaveAsync(download);
        var text = string.Join(" ", await Task.WhenAll(Enumerable.Range(1, pdf.Pages).Select(pdf.TextOfPageAsync)));
        var flat = string.Join(" ", text.Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Protections in place", flat, StringComparison.Ordinal);
        Assert.Contains($"Our trademark “{mark}” (word mark), which protects brand assets, is not registered in Vietnam.", flat, StringComparison.Ordinal);

        await legal.Context.CloseAsync();
        await analyst.Context.CloseAsync();
    }
}
