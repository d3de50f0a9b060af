using System.Net;
using DueDiligence.Web.Features.Account.TwoFactor;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security.TwoFactor;

/// <summary>"Two-factor authentication required for Admin and Executive" (Mfa:Enabled): what such a user can reach before setting it up.</summary>
public sealed class TwoFactorPolicyTests(TwoFactorApp app) : IClassFixture<TwoFactorApp>
{
    [Theory]
    [InlineData(AppRoles.Admin)]
    [InlineData(AppRoles.Executive)]
    public async Task RequiredRole_WithoutAnApp_IsSentToSetUpFromEveryPageAndEndpoint(string role)
    {
        var email = await app.NewUserAsync(role);
        var (browser, password) = await app.PasswordStepAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);

        foreach (var url in new[] { "/", "/suppliers", "/admin/users", "/suppliers/export.csv", "/suppliers/import-template.xlsx", "/_blazor/negotiate?negotiateVersion=1" })
        {
            var response = url.StartsWith("/_blazor", StringComparison.Ordinal) ? await browser.PostAsync(url, null) : await browser.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.Equal(TwoFactorApp.SetUpPath, TwoFactorApp.RedirectPath(response));
        }

        var setUp = await browser.GetAsync(TwoFactorApp.SetUpPath);
        Assert.Equal(HttpStatusCode.OK, setUp.StatusCode);
        Assert.Contains("data-testid=\"two-factor-required\"", await setUp.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app.css")).StatusCode);
    }

    [Fact]
    public async Task RequiredRole_AfterSettingUp_ReachesTheAppAndCannotTurnItOff()
    {
        var email = await app.NewUserAsync(AppRoles.Executive);
        var (browser, _) = await app.PasswordStepAsync(email);

        await app.EnrolAsync(browser);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/suppliers")).StatusCode);
        var page = await browser.GetStringAsync(TwoFactorApp.SetUpPath);
        Assert.Contains("data-testid=\"turn-off-not-allowed\"", page, StringComparison.Ordinal);
        // The page offers no form to turn it off; a hand-made post gets nowhere, and the use case itself refuses.
        var forced = await TwoFactorApp.PostAsync(browser, TwoFactorApp.SetUpPath, page, "turn-off", ("TurnOff.Password", TwoFactorApp.Password));
        Assert.Equal(HttpStatusCode.BadRequest, forced.StatusCode);
        var user = await app.UserAsync(email);
        var refused = await app.AsUserAsync(user.Id, [AppRoles.Executive], s => s.GetRequiredService<TwoFactorSettings>().TurnOffAsync(TwoFactorApp.Password));
        Assert.Equal("Your role requires two-factor authentication, so it cannot be turned off. To move it to a new phone, ask an administrator to reset it.", refused.Error);
        Assert.True((await app.UserAsync(email)).TwoFactorEnabled);
    }

    [Fact]
    public async Task RequiredRole_SignOut_IsAllowedBeforeSettingUp()
    {
        var email = await app.NewUserAsync(AppRoles.Admin);
        var (browser, _) = await app.PasswordStepAsync(email);
        var page = await browser.GetStringAsync(TwoFactorApp.SetUpPath);

        var signOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Infrastructure.Html.HiddenValue(page, "__RequestVerificationToken"),
        }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith(IdentitySetup.LoginPath, TwoFactorApp.RedirectPath(signOut), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppRoles.Analyst)]
    [InlineData(AppRoles.LegalReviewer)]
    public async Task OtherRoles_WithoutAnApp_AreNotHeldUp(string role)
    {
        var email = await app.NewUserAsync(role);
        var (browser, _) = await app.PasswordStepAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/suppliers")).StatusCode);
    }

    [Fact]
    public async Task RequiredRole_AfterAnAdminReset_IsSentToSetUpAgain()
    {
        var (_, email, _, _) = await app.EnrolledUserAsync(AppRoles.Executive);
        var user = await app.UserAsync(email);
        await app.AsUserAsync("admin@test", [AppRoles.Admin], s => s.GetRequiredService<Features.Admin.Users.UserAdministration>().ResetTwoFactorAsync(user.Id));

        var (browser, _) = await app.PasswordStepAsync(email);

        var response = await browser.GetAsync("/suppliers");
        Assert.Equal(TwoFactorApp.SetUpPath, TwoFactorApp.RedirectPath(response));
    }
}
