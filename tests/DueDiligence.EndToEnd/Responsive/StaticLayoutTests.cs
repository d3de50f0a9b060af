using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Responsive;

/// <summary>
/// The frame of the app (menu button, drawer, its groups, the notification count) works on a page rendered without a
/// circuit, the password page, as on the others: the browser opens and closes the drawer, and the count is the page's.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class StaticLayoutTests(E2EFixture fixture)
{
    [Fact]
    public async Task PhoneOnAPageWithoutCircuit_OpensTheDrawerAndFollowsItsLinks_AndShowsTheUnreadCount()
    {
        var page = await fixture.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await page.SignInAsync(DemoLogins.For("Analyst").Email, DemoLogins.For("Analyst").Password);
        await page.WaitForCircuitAsync();
        await page.GetByTestId("notification-bell").WaitForAsync();
        var label = await page.GetByTestId("notification-bell").GetAttributeAsync("aria-label");

        await page.GetByTestId("change-password").ClickAsync();
        await page.WaitForURLAsync("**/account/password");
        // The address changes before the page without circuit has replaced the interactive one: wait for its form.
        await page.GetByTestId("current-password").WaitForAsync();
        await Assertions.Expect(page.Locator("main[data-interactive]")).ToHaveCountAsync(0);
        Assert.Equal(label, await page.GetByTestId("notification-bell").GetAttributeAsync("aria-label"));

        var toggle = page.GetByTestId("nav-toggle");
        var suppliers = page.Locator("#app-nav").GetByRole(AriaRole.Link, new() { Name = "Suppliers" });
        await Assertions.Expect(suppliers).Not.ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Assertions.Expect(suppliers).ToBeInViewportAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await page.ScreenshotAsync("static-layout-390-navigation-open");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(suppliers).Not.ToBeVisibleAsync();
        await toggle.ClickAsync();
        await suppliers.ClickAsync();
        await page.WaitForURLAsync("**/suppliers");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(suppliers).Not.ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DesktopOnAPageWithoutCircuit_ClosesTheDrawerAndAGroup_AndTheDrawerStaysClosedOnTheNextPage()
    {
        var page = await fixture.NewPageAsync(new ViewportSize { Width = 1440, Height = 900 });
        await page.SignInAsync(DemoLogins.For("Admin").Email, DemoLogins.For("Admin").Password);
        await page.GotoAsync("/account/password");
        var auditLog = page.Locator("#app-nav").GetByRole(AriaRole.Link, new() { Name = "Audit log" });
        await Assertions.Expect(auditLog).ToBeInViewportAsync();

        await page.Locator("#app-nav summary", new() { HasText = "Administration" }).ClickAsync();
        await Assertions.Expect(auditLog).Not.ToBeVisibleAsync();
        await page.Locator("#app-nav summary", new() { HasText = "Administration" }).ClickAsync();
        await Assertions.Expect(auditLog).ToBeInViewportAsync();

        await page.GetByTestId("nav-toggle").ClickAsync();
        await Assertions.Expect(auditLog).Not.ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("nav-toggle")).ToHaveAttributeAsync("aria-expanded", "false");
        await page.Locator("a.brand").ClickAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(auditLog).Not.ToBeVisibleAsync();
        await page.GetByTestId("nav-toggle").ClickAsync();
        await Assertions.Expect(auditLog).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }
}
