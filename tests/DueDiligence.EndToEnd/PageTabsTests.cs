using System.Text.RegularExpressions;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

/// <summary>
/// The tabs within a page (PageTabs): chosen with the mouse or the keyboard (arrow keys, Home, End, as WAI-ARIA's tab
/// pattern), kept in the address, so that a reload or a shared link opens the same tab.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class PageTabsTests(E2EFixture fixture)
{
    [Fact]
    public async Task SupplierTabs_AreChosenWithTheMouseOrTheArrowKeys_AndAReloadOpensTheSameTab()
    {
        var supplier = await new DemoRecords(fixture.App).SupplierAsync("Brightpath Precision Moulding Co., Ltd.");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("executive@demo.local", "Demo-Executive-2026");
        await page.GotoAsync($"/suppliers/{supplier}");
        await page.WaitForCircuitAsync();
        var tabs = page.GetByRole(AriaRole.Tablist, new() { Name = "Supplier" });
        await Assertions.Expect(tabs.GetByRole(AriaRole.Tab, new() { Name = "Overview" })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Tabpanel, new() { Name = "Overview" })).ToContainTextAsync("Sites");

        await tabs.GetByRole(AriaRole.Tab, new() { Name = "Trend" }).ClickAsync();
        await page.WaitForURLAsync(TabAddress("trend"));
        await Assertions.Expect(page.GetByRole(AriaRole.Tabpanel, new() { Name = "Trend" })).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("ArrowRight");
        var history = tabs.GetByRole(AriaRole.Tab, new() { Name = "History" });
        await Assertions.Expect(history).ToBeFocusedAsync();
        await page.WaitForURLAsync(TabAddress("history"));
        await Assertions.Expect(page.GetByTestId("history")).ToBeVisibleAsync();

        // From the last tab the right arrow goes round to the first; End and Home go to the ends.
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(tabs.GetByRole(AriaRole.Tab, new() { Name = "Overview" })).ToHaveAttributeAsync("aria-selected", "true");
        await page.WaitForURLAsync(new Regex($"/suppliers/{supplier}$"));
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(history).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.WaitForURLAsync(TabAddress("trend"));

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(tabs.GetByRole(AriaRole.Tab, new() { Name = "Trend" })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Tabpanel)).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    private static Regex TabAddress(string tab) => new($@"/suppliers/[0-9a-f-]{{36}}\?tab={tab}$");
}
