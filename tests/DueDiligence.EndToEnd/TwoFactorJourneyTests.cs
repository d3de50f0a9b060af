using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using OtpNet;

namespace DueDiligence.EndToEnd;

/// <summary>Setting up an authenticator app from the QR page's key, then signing in with a code, in Chromium.</summary>
[Collection(E2ECollection.Name)]
public sealed class TwoFactorJourneyTests(E2EFixture fixture)
{
    [Fact]
    public async Task User_SetsUpAnAuthenticatorApp_SignsOut_SignsInWithACode()
    {
        var admin = await fixture.NewPageAsync();
        await admin.SignInAsync("admin@demo.local", "Demo-Admin-2026");
        var (email, password) = await SignInJourneyTests.CreateAnalystAsync(admin, "Tomasz Totp");
        await admin.Context.CloseAsync();

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(email, password);
        await page.WaitForCircuitAsync();
        await page.GetByTestId("two-factor-link").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/account/two-factor", StringComparison.Ordinal));

        // The QR code is a server-made data: image the CSP lets the browser draw.
        var qr = page.GetByTestId("two-factor-qr");
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The QR code image did not load.");
        var key = (await page.GetByTestId("two-factor-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.ScreenshotAsync("two-factor-set-up");
        await NoSeriousAccessibilityViolationsAsync(page);
        await page.FillAsync("#code", CodeFor(key));
        await page.GetByTestId("turn-on").ClickAsync();

        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("two-factor-status")).ToContainTextAsync("10 recovery codes left");
        await page.ScreenshotAsync("two-factor-recovery-codes");
        await page.GetByTestId("back-to-app").ClickAsync();
        await page.WaitForCircuitAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));

        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/account/login-two-factor", StringComparison.Ordinal));
        await page.ScreenshotAsync("two-factor-sign-in");
        await NoSeriousAccessibilityViolationsAsync(page);
        // The code of the next 30 seconds: the set-up used this step's code, and a used step is never accepted again.
        await page.FillAsync("#code", CodeFor(key, stepsLater: 1));
        await page.GetByTestId("second-step-submit").ClickAsync();

        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.WaitForCircuitAsync();
        Assert.Equal("Tomasz Totp", await page.GetByTestId("signed-in-user").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    private static async Task NoSeriousAccessibilityViolationsAsync(IPage page)
    {
        var serious = (await page.ViolationsAsync()).Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    private static string CodeFor(string key, int stepsLater = 0) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsLater));
}
