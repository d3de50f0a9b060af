using System.Net;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security.Sso;

/// <summary>
/// Single sign-on through the whole journey against an OpenID Connect provider in memory: accounts are found by the
/// provider's issuer and subject (linked the first time by a verified e-mail), roles come from the provider at every
/// sign-in, and every answer the handler must reject — forged state, another sign-in's nonce, a token signed by another
/// key, for another application or expired — leaves the browser signed out.
/// </summary>
public sealed class SsoSignInTests(SsoApp sso) : IClassFixture<SsoApp>
{
    private const string RoleNeededPage = "/admin/users";

    [Fact]
    public async Task TheFullJourney_LinksTheAccountByVerifiedEmail_AndSignsInWithTheMappedRole()
    {
        var email = NewEmail();
        var account = await sso.CreateAccountAsync(email);
        var subject = Given(email, "dd-admin");
        var browser = SsoApp.NewBrowser(sso.App);

        var completion = await sso.SignInAsync(browser, RoleNeededPage);

        Assert.Equal(HttpStatusCode.OK, completion.StatusCode);
        Assert.Contains($"url={RoleNeededPage}", await completion.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(RoleNeededPage)).StatusCode);
        var linked = await sso.WithUsersAsync(users => users.FindByLoginAsync(TestOidcProvider.Issuer, subject));
        Assert.Equal(account.Id, linked?.Id);
        Assert.Equal([AppRoles.Admin], await sso.WithUsersAsync(users => users.GetRolesAsync(linked!)));
        var signIn = Assert.Single(await EventsAsync(email, "SignIn"));
        Assert.Contains("single sign-on (Contoso)", signIn.Changes, StringComparison.Ordinal);
        // No token (a JWT starts "eyJ") in the trail.
        Assert.DoesNotContain("eyJ", signIn.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARoleChangedAtTheProvider_AppliesAtTheNextSignIn()
    {
        var email = NewEmail();
        await sso.CreateAccountAsync(email);
        var subject = Given(email, "dd-admin");
        var first = SsoApp.NewBrowser(sso.App);
        await sso.SignInAsync(first);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(RoleNeededPage)).StatusCode);

        sso.Provider.User = sso.Provider.User with { Roles = ["dd-analyst"] };
        var next = SsoApp.NewBrowser(sso.App);
        await sso.SignInAsync(next);

        Assert.Equal(HttpStatusCode.Forbidden, (await next.GetAsync(RoleNeededPage)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/suppliers")).StatusCode);
        var user = await sso.WithUsersAsync(users => users.FindByLoginAsync(TestOidcProvider.Issuer, subject));
        Assert.Equal([AppRoles.Analyst], await sso.WithUsersAsync(users => users.GetRolesAsync(user!)));
    }

    [Fact]
    public async Task APersonWithoutAMappedRole_IsRefused_WithAPageThatSaysSo()
    {
        var email = NewEmail();
        await sso.CreateAccountAsync(email);
        Given(email, "sales", "marketing");
        var browser = SsoApp.NewBrowser(sso.App);

        var refused = await sso.SignInAsync(browser);

        await AssertRefusedAsync(browser, refused, SsoRefusal.NoRole, "Your organisation's sign-in worked, but your account has no DueDiligence role. Ask an administrator.");
        Assert.Contains("none of the values of the claim \\u0022roles\\u0022 maps to a role", Assert.Single(await EventsAsync(email, "SignInRefused")).Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APersonWithoutAnAccount_IsRefused_WhenAccountsAreNotCreatedAutomatically()
    {
        var email = NewEmail();
        Given(email, "dd-analyst");
        var browser = SsoApp.NewBrowser(sso.App);

        var refused = await sso.SignInAsync(browser);

        await AssertRefusedAsync(browser, refused, SsoRefusal.NoAccount, "there is no DueDiligence account for you");
        Assert.Null(await sso.WithUsersAsync(users => users.FindByEmailAsync(email)));
    }

    [Fact]
    public async Task AnEmailTheProviderDoesNotVouchFor_DoesNotLinkAnExistingAccount()
    {
        var email = NewEmail();
        var account = await sso.CreateAccountAsync(email);
        Given(email, "dd-admin");
        sso.Provider.User = sso.Provider.User with { EmailVerified = false };
        var browser = SsoApp.NewBrowser(sso.App);

        var refused = await sso.SignInAsync(browser);

        await AssertRefusedAsync(browser, refused, SsoRefusal.NoAccount, "there is no DueDiligence account for you");
        Assert.Empty(await sso.WithUsersAsync(users => users.GetLoginsAsync(account)));
    }

    [Fact]
    public async Task ALockedAccount_StaysLocked()
    {
        var email = NewEmail();
        var account = await sso.CreateAccountAsync(email);
        Given(email, "dd-analyst");
        await sso.SignInAsync(SsoApp.NewBrowser(sso.App));
        await sso.WithUsersAsync(async users => await users.SetLockoutEndDateAsync((await users.FindByIdAsync(account.Id))!, AppUser.AdministratorLockEnd));
        var browser = SsoApp.NewBrowser(sso.App);

        var refused = await sso.SignInAsync(browser);

        await AssertRefusedAsync(browser, refused, SsoRefusal.Locked, "your DueDiligence account is locked");
    }

    [Theory]
    [InlineData(TokenTampering.WrongNonce)]
    [InlineData(TokenTampering.SignedByAnotherKey)]
    [InlineData(TokenTampering.WrongAudience)]
    [InlineData(TokenTampering.Expired)]
    public async Task ATokenTheHandlerMustReject_LeavesTheBrowserSignedOut(TokenTampering tampering)
    {
        var email = NewEmail();
        await sso.CreateAccountAsync(email);
        Given(email, "dd-admin");
        sso.Provider.Tampering = tampering;
        var issuedBefore = sso.Provider.TokensIssued;
        var browser = SsoApp.NewBrowser(sso.App);
        try
        {
            var refused = await sso.SignInAsync(browser);

            // The provider did issue a token: it was the app that refused it.
            Assert.Equal(issuedBefore + 1, sso.Provider.TokensIssued);
            await AssertRefusedAsync(browser, refused, SsoRefusal.ProviderAnswerRejected, "could not be accepted");
        }
        finally
        {
            sso.Provider.Tampering = TokenTampering.None;
        }
    }

    [Fact]
    public async Task AForgedState_LeavesTheBrowserSignedOut()
    {
        var email = NewEmail();
        await sso.CreateAccountAsync(email);
        Given(email, "dd-admin");
        var browser = SsoApp.NewBrowser(sso.App);

        var refused = await sso.SignInAsync(browser, tamper: answer => answer["state"] = answer["state"][..^4] + "AAAA");

        await AssertRefusedAsync(browser, refused, SsoRefusal.ProviderAnswerRejected, "could not be accepted");
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    public async Task AReturnAddressOnAnotherSite_IsReplacedByTheHomePage(string returnUrl)
    {
        var email = NewEmail();
        await sso.CreateAccountAsync(email);
        Given(email, "dd-analyst");

        var completion = await sso.SignInAsync(SsoApp.NewBrowser(sso.App), returnUrl);

        var page = await completion.Content.ReadAsStringAsync();
        Assert.Contains("url=/\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenAccountsAreCreatedAutomatically_ANewPersonGetsAnAccountWithTheMappedRole()
    {
        await using var autoCreating = sso.WithSso(sso.App, autoCreateUsers: true);
        var email = NewEmail();
        var subject = Given(email, "dd-legal");
        var browser = SsoApp.NewBrowser(autoCreating);

        await sso.SignInAsync(browser);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        var user = await sso.WithUsersAsync(users => users.FindByLoginAsync(TestOidcProvider.Issuer, subject));
        Assert.Equal(email, user?.Email);
        Assert.Equal([AppRoles.LegalReviewer], await sso.WithUsersAsync(users => users.GetRolesAsync(user!)));
    }

    private static string NewEmail() => $"sso-{Guid.NewGuid():N}@contoso.test";

    /// <summary>The provider signs in a new person with this verified e-mail and these roles; returns their subject.</summary>
    private string Given(string email, params string[] roles)
    {
        var subject = Guid.NewGuid().ToString();
        sso.Provider.User = new ProviderUser(subject, email, true, "Contoso Person", roles);
        return subject;
    }

    private static async Task AssertRefusedAsync(HttpClient browser, HttpResponseMessage response, SsoRefusal refusal, string message)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{SsoSetup.RefusedPath}?reason={refusal}", response.Headers.Location!.OriginalString);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(response.Headers.Location));
        Assert.Contains(message, page, StringComparison.Ordinal);
        // Not signed in: a page for signed-in users sends the browser to the sign-in page.
        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith(IdentitySetup.LoginPath, home.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task<List<Domain.Auditing.AuditEvent>> EventsAsync(string email, string kind)
    {
        await using var scope = sso.App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<Web.Infrastructure.Persistence.AppDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Actor == email && e.EntityType == kind).ToListAsync();
    }
}
