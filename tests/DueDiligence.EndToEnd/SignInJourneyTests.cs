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

        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("The e-mail or password is not right, or the account is locked.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AdministratorLocksAUser_TheUserIsRefusedWithoutLearningWhy()
    {
        var admin = await fixture.NewPageAsync();
        await admin.SignInAsync("admin@demo.local", "Demo-Admin-2026");
        var (email, password) = await CreateAnalystAsync(admin, "Lou Locked");

        await admin.Locator($"[data-testid=lock-user][data-email='{email}']").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("confirm-message")).ToContainTextAsync("is signed out at once");
        await admin.ScreenshotAsync("users-lock-confirmation");
        await admin.ConfirmAsync();
        await Assertions.Expect(admin.Locator($"[data-testid=user-status][data-email='{email}']")).ToHaveTextAsync("Locked by an administrator");

        var user = await fixture.NewPageAsync();
        await SignInAttemptAsync(user, email, password);
        await Assertions.Expect(user.GetByTestId("sign-in-error")).ToHaveTextAsync("The e-mail or password is not right, or the account is locked. After 5 failed sign-ins an account is locked for 15 minutes; an administrator can unlock it sooner.");
        await user.ScreenshotAsync("sign-in-locked-by-administrator");
        await user.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_TheRightOneIsRefusedAsAnyOther()
    {
        var admin = await fixture.NewPageAsync();
        await admin.SignInAsync("admin@demo.local", "Demo-Admin-2026");
        var (email, password) = await CreateAnalystAsync(admin, "Wanda Wrong");

        var user = await fixture.NewPageAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAttemptAsync(user, email, "wrong-password-" + attempt);
        }

        await SignInAttemptAsync(user, email, password);
        await Assertions.Expect(user.GetByTestId("sign-in-error")).ToHaveTextAsync("The e-mail or password is not right, or the account is locked. After 5 failed sign-ins an account is locked for 15 minutes; an administrator can unlock it sooner.");
        await admin.ReloadAsync();
        await admin.WaitForCircuitAsync();
        await Assertions.Expect(admin.Locator($"[data-testid=user-status][data-email='{email}']")).ToContainTextAsync("after failed sign-ins");
        await user.Context.CloseAsync();
        await admin.Context.CloseAsync();
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

    /// <summary>Creates an analyst account on the users page, as an administrator does.</summary>
    internal static async Task<(string Email, string Password)> CreateAnalystAsync(IPage admin, string name)
    {
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@demo.local";
        const string password = "Journey-Password-2026";
        await admin.GotoAsync("/admin/users");
        await admin.WaitForCircuitAsync();
        await admin.GetByTestId("new-email").FillAsync(email);
        await admin.GetByTestId("new-name").FillAsync(name);
        await admin.GetByTestId("new-password").FillAsync(password);
        await admin.Locator("input[data-testid=new-role][data-role=Analyst]").CheckAsync();
        await admin.GetByTestId("create-user").ClickAsync();
        await Assertions.Expect(admin.Locator($"[data-testid=user-status][data-email='{email}']")).ToHaveTextAsync("Active");
        return (email, password);
    }

    /// <summary>A sign-in that fails: from a fresh sign-in page, until the refusal shows.</summary>
    private static async Task SignInAttemptAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToBeVisibleAsync();
    }
}
