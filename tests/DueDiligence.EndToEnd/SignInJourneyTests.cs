using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

[Collection(E2ECollection.Name)]
public sealed class SignInJourneyTests(E2EFixture fixture)
{
    public static TheoryData<string, string, string, string> DemoUsers() => new()
    {
        { "analyst@demo.local", "Demo-Analyst-2026", "Analyst", "Ana Analyst" },
        { "legal@demo.local", "Demo-Legal-2026", "LegalReviewer", "Lee Legal" },
        { "executive@demo.local", "Demo-Executive-2026", "Executive", "Eve Executive" },
        { "admin@demo.local", "Demo-Admin-2026", "Admin", "Adam Admin" },
    };

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task DemoUser_SignsIn_SeesRoleHome_SignsOut(string email, string password, string role, string displayName)
    {
        var page = await fixture.NewPageAsync();

        await page.SignInAsync(email, password);
        await page.WaitForCircuitAsync();

        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
        Assert.Equal(displayName, await page.GetByTestId("signed-in-user").InnerTextAsync());
        await Assertions.Expect(page.Locator($"[data-testid=role-home] [data-role={role}]")).ToBeVisibleAsync();
        Assert.Equal(1, await page.Locator("[data-testid=role-home] article").CountAsync());
        await page.ScreenshotAsync($"home-{role}");

        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByText("You have signed out.")).ToBeVisibleAsync();

        await page.GotoAsync("/");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WrongPassword_ShowsAClearMessage()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", "analyst@demo.local");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToHaveTextAsync("The e-mail or password is not right.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Analyst_OpeningAnAdminPage_SeesNoAccess()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");

        var response = await page.GotoAsync("/admin/users");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this page" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
