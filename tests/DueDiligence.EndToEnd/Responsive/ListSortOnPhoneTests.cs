using System.Text.RegularExpressions;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Responsive;

/// <summary>
/// On a phone a list shows its rows as cards, without the column headers that sort it on a wide screen: a "Sort by" choice
/// takes their place there, and only there.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ListSortOnPhoneTests(E2EFixture fixture)
{
    [Fact]
    public async Task SupplierRegister_OnAPhone_SortsByTheChoice_AndKeepsItInTheAddress()
    {
        var page = await fixture.NewPageAsync(new ViewportSize { Width = 390, Height = 900 });
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await page.GotoAsync("/suppliers");
        await page.WaitForPageReadyAsync();
        var sort = page.GetByTestId("grid-sort");
        await Assertions.Expect(sort).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("thead th", new() { HasText = "Supplier" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("supplier-link").First).ToBeVisibleAsync();
        var names = await page.GetByTestId("supplier-link").AllTextContentsAsync();

        await sort.SelectOptionAsync("Supplier, descending");
        // Polled, not awaited as a navigation event: the address changes within the page.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/suppliers\\?sort=-name$"));

        await Assertions.Expect(page.GetByTestId("supplier-link").First).ToHaveTextAsync(names[^1]);
        Assert.Equal(names.Reverse(), await page.GetByTestId("supplier-link").AllTextContentsAsync());
        await Assertions.Expect(sort).ToHaveValueAsync("-name");
        await page.ScreenshotAsync("list-sort-phone-suppliers", fullPage: false);

        // Back to the order before, as with any other address.
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/suppliers$"));
        await Assertions.Expect(page.GetByTestId("supplier-link").First).ToHaveTextAsync(names[0]);
        await Assertions.Expect(sort).ToHaveValueAsync("");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("Analyst", "/assessments")]
    [InlineData("Analyst", "/sourcing")]
    [InlineData("LegalReviewer", "/jurisdictions")]
    public async Task SortableList_ShowsTheChoiceOnAPhoneOnly(string role, string path)
    {
        var login = DemoLogins.For(role);
        var phone = await fixture.NewPageAsync(new ViewportSize { Width = 390, Height = 900 });
        await phone.SignInAsync(login.Email, login.Password);
        await phone.GotoAsync(path);
        await phone.WaitForPageReadyAsync();
        await Assertions.Expect(phone.GetByTestId("grid-sort")).ToBeVisibleAsync();
        await phone.Context.CloseAsync();

        var desktop = await fixture.NewPageAsync(new ViewportSize { Width = 1440, Height = 900 });
        await desktop.SignInAsync(login.Email, login.Password);
        await desktop.GotoAsync(path);
        await desktop.WaitForPageReadyAsync();
        await Assertions.Expect(desktop.Locator("table th").First).ToBeVisibleAsync();
        await Assertions.Expect(desktop.GetByTestId("grid-sort")).ToBeHiddenAsync();
        await desktop.Context.CloseAsync();
    }
}
