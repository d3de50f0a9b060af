using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

/// <summary>An administrator hands a forgetful user a reset link; the user sets a password with it, then changes it from the app bar.</summary>
[Collection(E2ECollection.Name)]
public sealed class PasswordJourneyTests(E2EFixture fixture)
{
    [Fact]
    public async Task ResetLinkThenChangePassword_FromTheUsersPageAndTheAppBar()
    {
        var admin = await fixture.NewPageAsync();
        await admin.SignInAsync("admin@demo.local", "Demo-Admin-2026");
        var email = $"pia-{Guid.NewGuid():N}@demo.local";
        await admin.GotoAsync("/admin/users");
        await admin.WaitForCircuitAsync();
        await admin.GetByTestId("new-email").FillAsync(email);
        await admin.GetByTestId("new-name").FillAsync("Pia Forgetful");
        await admin.GetByTestId("new-password").FillAsync("Journey-Password-2026");
        await admin.Locator("input[data-testid=new-role][data-role=Analyst]").CheckAsync();
        await admin.GetByTestId("create-user").ClickAsync();

        await admin.Locator($"[data-testid=issue-reset-link][data-email='{email}']").ClickAsync();
        var link = await admin.GetByTestId("reset-link").InputValueAsync();
        await admin.ScreenshotAsync("users-reset-link");
        Assert.Contains("/account/reset?user=", link, StringComparison.Ordinal);

        var user = await fixture.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await user.GotoAsync(link);
        await user.FillAsync("#new-password", "saffron-glacier-tunnel-64");
        await user.FillAsync("#confirm-password", "saffron-glacier-tunnel-64");
        await user.ClickAsync("button[type=submit]");
        await Assertions.Expect(user.GetByTestId("password-reset-done")).ToContainTextAsync("Your new password is set.");
        await user.GotoAsync(link);
        await Assertions.Expect(user.GetByTestId("reset-link-error")).ToHaveTextAsync("This link has expired or was already used. Ask an administrator for a new one.");

        await user.SignInAsync(email, "saffron-glacier-tunnel-64");
        await user.WaitForCircuitAsync();
        await user.GetByTestId("change-password").ClickAsync();
        await user.WaitForURLAsync(url => url.Contains("/account/password", StringComparison.Ordinal));
        await user.FillAsync("#current-password", "not-my-password-at-all");
        await user.FillAsync("#new-password", "walnut-harbour-lantern-58");
        await user.FillAsync("#confirm-password", "walnut-harbour-lantern-58");
        await user.GetByTestId("change-password-submit").ClickAsync();
        await Assertions.Expect(user.GetByTestId("current-password-error")).ToHaveTextAsync("This is not your current password. After 5 wrong passwords the account is locked for 15 minutes.");
        await user.ScreenshotAsync("change-password-wrong-current-390");

        await user.FillAsync("#current-password", "saffron-glacier-tunnel-64");
        await user.FillAsync("#new-password", "password1234");
        await user.FillAsync("#confirm-password", "password1234");
        await user.GetByTestId("change-password-submit").ClickAsync();
        await Assertions.Expect(user.GetByTestId("new-password-error").First).ToContainTextAsync("This password is too easy to guess.");

        await user.FillAsync("#current-password", "saffron-glacier-tunnel-64");
        await user.FillAsync("#new-password", "walnut-harbour-lantern-58");
        await user.FillAsync("#confirm-password", "walnut-harbour-lantern-58");
        await user.GetByTestId("change-password-submit").ClickAsync();
        await Assertions.Expect(user.GetByTestId("password-changed")).ToContainTextAsync("Your password is changed.");
        await user.ScreenshotAsync("change-password-done-390");

        // Still signed in here: the app works on.
        await user.GotoAsync("/suppliers");
        await user.WaitForCircuitAsync();
        Assert.Contains("/suppliers", user.Url, StringComparison.Ordinal);
        await user.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
