using System.Net;
using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security.TwoFactor;

/// <summary>Setting up an authenticator app and the second sign-in step, through the pages' own form posts.</summary>
public sealed class TwoFactorSignInTests(TwoFactorApp app) : IClassFixture<TwoFactorApp>
{
    [Fact]
    public async Task SignIn_WithTwoFactorOn_AsksForACodeAndOnlyTheRightCodeSignsIn()
    {
        var (_, email, key, _) = await app.EnrolledUserAsync(AppRoles.Analyst);
        app.NextStep();

        var (browser, password) = await app.PasswordStepAsync(email);
        Assert.StartsWith("/account/login-two-factor", TwoFactorApp.RedirectPath(password), StringComparison.Ordinal);
        // The password alone is no session: the app still sends the browser to sign in.
        var before = await browser.GetAsync("/suppliers");
        Assert.StartsWith(IdentitySetup.LoginPath, before.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        var wrong = await app.SecondStepAsync(browser, WrongCode(app.CodeFor(key)));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await app.SecondStepAsync(browser, app.CodeFor(key));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/suppliers")).StatusCode);
    }

    [Fact]
    public async Task SecondStep_ACodeAlreadyUsed_IsRefusedEvenInItsOwnThirtySeconds()
    {
        var (_, email, key, _) = await app.EnrolledUserAsync(AppRoles.Analyst);
        app.NextStep();
        var code = app.CodeFor(key);
        var (_, first) = await app.SignInWithCodeAsync(email, code);

        var (_, replay) = await app.SignInWithCodeAsync(email, code);
        // A code of the step before the last one used is refused too (the app accepts one step of drift).
        var (_, older) = await app.SignInWithCodeAsync(email, app.CodeFor(key, stepsLater: -1));
        app.NextStep();
        var (_, next) = await app.SignInWithCodeAsync(email, app.CodeFor(key));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
    }

    [Fact]
    public async Task SecondStep_ARecoveryCode_SignsInOnce()
    {
        var (_, email, _, codes) = await app.EnrolledUserAsync(AppRoles.Analyst);

        var (_, first) = await app.SignInWithCodeAsync(email, codes[3].ToLowerInvariant());
        var (_, again) = await app.SignInWithCodeAsync(email, codes[3]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var events = await app.EventsOfAsync(email);
        var used = Assert.Single(events, e => e.EntityType == "RecoveryCodeUsed");
        Assert.Contains("9 recovery codes left", used.Changes, StringComparison.Ordinal);
        Assert.All(codes, code => Assert.DoesNotContain(code, string.Concat(events.Select(e => e.Changes)), StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecoveryCodes_AreStoredOnlyAsSaltedHashes_AndStillSignInOnce()
    {
        var (_, email, _, codes) = await app.EnrolledUserAsync(AppRoles.Analyst);

        var stored = await app.AsUserAsync("admin@test", [AppRoles.Admin], async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            return await users.GetAuthenticationTokenAsync((await users.FindByEmailAsync(email))!, "[AspNetUserStore]", "RecoveryCodes");
        });
        var (_, signedIn) = await app.SignInWithCodeAsync(email, codes[0]);

        var entries = stored!.Split(';');
        Assert.Equal(10, entries.Length);
        Assert.All(entries, entry => Assert.StartsWith("s256$", entry, StringComparison.Ordinal));
        Assert.Equal(10, entries.Select(entry => entry.Split('$')[1]).Distinct().Count());
        Assert.All(codes, code => Assert.DoesNotContain(code, stored, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task SecondStep_FiveWrongCodes_LockTheAccountEvenForTheRightCode()
    {
        var (_, email, key, _) = await app.EnrolledUserAsync(AppRoles.Analyst);
        app.NextStep();
        var (browser, _) = await app.PasswordStepAsync(email);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.SecondStepAsync(browser, WrongCode(app.CodeFor(key)))).StatusCode);
        }

        var right = await app.SecondStepAsync(browser, app.CodeFor(key));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.NotNull((await app.UserAsync(email)).LockoutEnd);
        var events = await app.EventsOfAsync(email);
        Assert.Equal(5, events.Count(e => e.EntityType == "SecondStepRefused" && e.Changes.Contains("wrong or used authenticator code", StringComparison.Ordinal)));
        Assert.Single(events, e => e.EntityType == "SecondStepRefused" && e.Changes.Contains("account locked", StringComparison.Ordinal));
        Assert.Single(events, e => e.EntityType == "Lockout");
    }

    [Fact]
    public async Task SecondStep_APasswordAgainDoesNotClearWrongCodes()
    {
        var (_, email, key, _) = await app.EnrolledUserAsync(AppRoles.Analyst);
        app.NextStep();

        // Each round: the right password (it stays counted) and one wrong code.
        for (var round = 0; round < 2; round++)
        {
            var (browser, _) = await app.PasswordStepAsync(email);
            await app.SecondStepAsync(browser, WrongCode(app.CodeFor(key)));
        }

        // Were a right password to clear the count, an attacker who knows it could guess codes for ever, four at a time.
        Assert.Equal(2, (await app.UserAsync(email)).AccessFailedCount);
    }

    [Fact]
    public async Task SecondStep_WithoutAPasswordStep_SaysToSignInAgain()
    {
        var browser = app.NewBrowser();

        var page = await browser.GetStringAsync("/account/login-two-factor");

        Assert.Contains("data-testid=\"second-step-expired\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Code\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondStep_AfterFiveMinutes_IsOver()
    {
        var (_, email, key, _) = await app.EnrolledUserAsync(AppRoles.Analyst);
        var (browser, _) = await app.PasswordStepAsync(email);
        var page = await browser.GetStringAsync("/account/login-two-factor");
        app.Clock.Advance(TimeSpan.FromMinutes(6));

        var late = await TwoFactorApp.PostAsync(browser, "/account/login-two-factor", page, "second-step", ("Input.Code", app.CodeFor(key)));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("data-testid=\"second-step-expired\"", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondStep_WithoutTheAntiforgeryToken_IsRefused()
    {
        var (_, email, key, _) = await app.EnrolledUserAsync(AppRoles.Analyst);
        app.NextStep();
        var (browser, _) = await app.PasswordStepAsync(email);

        var forged = await browser.PostAsync("/account/login-two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "second-step",
            ["Input.Code"] = app.CodeFor(key),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task TurningOn_WithAWrongCode_IsRefusedAndStaysOff()
    {
        var email = await app.NewUserAsync(AppRoles.Analyst);
        var (browser, _) = await app.PasswordStepAsync(email);
        var page = await browser.GetStringAsync(TwoFactorApp.SetUpPath);

        var response = await TwoFactorApp.PostAsync(browser, TwoFactorApp.SetUpPath, page, "turn-on", ("Confirm.Code", WrongCode(app.CodeFor(TwoFactorApp.KeyOf(page)))));

        Assert.Contains("That code is not right.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await app.UserAsync(email)).TwoFactorEnabled);
    }

    [Fact]
    public async Task SetUpPage_ShowsTheQrCodeAsAnImageOfThePageItself()
    {
        var email = await app.NewUserAsync(AppRoles.Analyst);
        var (browser, _) = await app.PasswordStepAsync(email);

        var page = await browser.GetStringAsync(TwoFactorApp.SetUpPath);

        Assert.Contains("src=\"data:image/png;base64,", page, StringComparison.Ordinal);
        Assert.Matches("^[A-Z2-7]{32}$", TwoFactorApp.KeyOf(page));
    }

    [Fact]
    public async Task TwoFactorChanges_AreSecurityEventsWithoutKeyOrCodes()
    {
        var (browser, email, key, codes) = await app.EnrolledUserAsync(AppRoles.Analyst);
        var page = await browser.GetStringAsync(TwoFactorApp.SetUpPath);
        var renewed = await TwoFactorApp.PostAsync(browser, TwoFactorApp.SetUpPath, page, "new-codes", ("NewCodes.Password", TwoFactorApp.Password));
        Assert.Contains("data-testid=\"recovery-codes\"", await renewed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        page = await browser.GetStringAsync(TwoFactorApp.SetUpPath);
        var wrongPassword = await TwoFactorApp.PostAsync(browser, TwoFactorApp.SetUpPath, page, "turn-off", ("TurnOff.Password", "not-my-password-at-all"));
        Assert.Contains("The password is not right", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await app.UserAsync(email)).TwoFactorEnabled);
        page = await browser.GetStringAsync(TwoFactorApp.SetUpPath);
        var off = await TwoFactorApp.PostAsync(browser, TwoFactorApp.SetUpPath, page, "turn-off", ("TurnOff.Password", TwoFactorApp.Password));

        Assert.Contains("Two-factor authentication is off.", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await app.UserAsync(email)).TwoFactorEnabled);
        // Still signed in after the change (the session was renewed with the new security stamp).
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/suppliers")).StatusCode);
        var events = await app.EventsOfAsync(email);
        Assert.Contains(events, e => e.EntityType == "MfaEnabled");
        Assert.Contains(events, e => e.EntityType == "RecoveryCodesRegenerated");
        Assert.Contains(events, e => e.EntityType == "MfaDisabled");
        var trail = string.Concat(events.Select(e => e.Changes));
        Assert.DoesNotContain(key, trail, StringComparison.Ordinal);
        Assert.All(codes, code => Assert.DoesNotContain(code, trail, StringComparison.Ordinal));
        Assert.DoesNotContain(TwoFactorApp.Password, trail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminReset_TurnsItOffAndIsAudited()
    {
        var (_, email, key, _) = await app.EnrolledUserAsync(AppRoles.Analyst);
        var user = await app.UserAsync(email);

        var result = await app.AsUserAsync("admin@test", [AppRoles.Admin], s => s.GetRequiredService<UserAdministration>().ResetTwoFactorAsync(user.Id));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.False(result.User!.TwoFactorEnabled);
        var reset = Assert.Single(await app.EventsOfAsync(email), e => e.EntityType == "MfaReset");
        Assert.Equal("admin@test", reset.Actor);
        Assert.DoesNotContain(key, reset.Changes, StringComparison.Ordinal);
        // The password alone signs in again; the old key no longer matters.
        var (_, password) = await app.PasswordStepAsync(email);
        Assert.Equal("/", TwoFactorApp.RedirectPath(password));
    }

    [Fact]
    public async Task AdminReset_ByANonAdmin_IsForbidden()
    {
        var (_, email, _, _) = await app.EnrolledUserAsync(AppRoles.Analyst);
        var user = await app.UserAsync(email);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync("analyst@test", [AppRoles.Analyst], s => s.GetRequiredService<UserAdministration>().ResetTwoFactorAsync(user.Id)));
        Assert.True((await app.UserAsync(email)).TwoFactorEnabled);
    }

    /// <summary>A 6-digit code that is not this one.</summary>
    private static string WrongCode(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
