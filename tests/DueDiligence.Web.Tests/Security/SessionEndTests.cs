using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Tests.Security;

/// <summary>
/// Sign-out, a password change or reset, a lock and a role change end every session of the account — a copied cookie,
/// on the other instance too, and an open circuit — within <see cref="SessionValidity.RecheckAfter"/> (5 s).
/// </summary>
public sealed class SessionEndTests(SessionApp app) : IClassFixture<SessionApp>
{
    [Fact]
    public async Task SignOut_RefusesACopyOfTheCookieAtOnce()
    {
        var email = await app.CreateAnalystAsync();
        var cookie = await app.SignInAsync(app.A, email);
        Assert.True(await cookie.IsSignedInOnAsync(app.A));

        await SignInForm.SignOutAsync(cookie.Browser);

        Assert.False(await cookie.IsSignedInOnAsync(app.A), "The copied cookie still works after sign-out.");
    }

    [Fact]
    public async Task SignOut_EndsTheAccountsOtherSessionsToo()
    {
        var email = await app.CreateAnalystAsync();
        var laptop = await app.SignInAsync(app.A, email);
        var phone = await app.SignInAsync(app.A, email);

        await SignInForm.SignOutAsync(laptop.Browser);

        Assert.False(await phone.IsSignedInOnAsync(app.A));
        var ended = Assert.Single(await app.SecurityEventsAsync(email, SecurityEvent.SessionEnded));
        Assert.Contains("the account signed out, or its password, roles or lock changed", ended.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticAssets_AreServedBeforeTheSessionIsRead()
    {
        const string asset = "/app.css";
        var email = await app.CreateAnalystAsync();
        var laptop = await app.SignInAsync(app.A, email);
        var copy = await app.SignInAsync(app.A, email);
        await SignInForm.SignOutAsync(laptop.Browser);

        using var assetResponse = await copy.GetAsync(app.A, asset);
        using var pageResponse = await copy.GetAsync(app.A, "/suppliers");

        // An ended session's cookie is removed on the first request that reads it: the asset's response does not.
        Assert.Equal(System.Net.HttpStatusCode.OK, assetResponse.StatusCode);
        Assert.False(assetResponse.Headers.Contains("Set-Cookie"), "The static asset's request read the session cookie.");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, pageResponse.StatusCode);
        Assert.True(pageResponse.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task AnEndedSession_IsToldSoOnTheSignInPage()
    {
        var email = await app.CreateAnalystAsync();
        var laptop = await app.SignInAsync(app.A, email);
        var phone = await app.SignInAsync(app.A, email);
        var tablet = await app.SignInAsync(app.A, email);

        await SignInForm.SignOutAsync(laptop.Browser);

        // A page opened with the ended session is sent to the sign-in page, which says why.
        using var page = await phone.GetAsync(app.A, "/suppliers");
        Assert.Contains("sessionEnded=true", page.Headers.Location?.ToString(), StringComparison.Ordinal);
        // An open page's circuit goes to the sign-in page itself, with the browser's cookie.
        using var signIn = await tablet.GetAsync(app.A, "/account/login?returnUrl=/suppliers");
        var html = await signIn.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"session-ended\"", html, StringComparison.Ordinal);
        Assert.Contains("Your session has ended", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutOnOneInstance_RefusesTheCookieOnTheOtherWithinFiveSeconds()
    {
        var email = await app.CreateAnalystAsync();
        var cookie = await app.SignInAsync(app.A, email);
        Assert.True(await cookie.IsSignedInOnAsync(app.B), "The other instance does not accept the cookie to begin with.");

        await SignInForm.SignOutAsync(cookie.Browser);

        // B read the account a moment ago and may trust it for up to 5 s; not one tick longer.
        Assert.True(await cookie.IsSignedInOnAsync(app.B));
        app.Clock.Advance(SessionValidity.RecheckAfter);
        Assert.False(await cookie.IsSignedInOnAsync(app.B), "The other instance still accepts the cookie 5 s after sign-out.");
    }

    public static TheoryData<string> AccountChanges() => ["password changed", "password reset by an administrator", "locked by an administrator", "roles changed"];

    [Theory]
    [MemberData(nameof(AccountChanges))]
    public async Task AnAccountChange_EndsItsSessionsOnEveryInstanceWithinFiveSeconds(string change)
    {
        var email = await app.CreateAnalystAsync();
        var cookie = await app.SignInAsync(app.A, email);
        Assert.True(await cookie.IsSignedInOnAsync(app.A));
        Assert.True(await cookie.IsSignedInOnAsync(app.B));

        await ChangeAsync(email, change);
        app.Clock.Advance(SessionValidity.RecheckAfter);

        Assert.False(await cookie.IsSignedInOnAsync(app.A), $"The session is still open on A after the account's {change}.");
        Assert.False(await cookie.IsSignedInOnAsync(app.B), $"The session is still open on B after the account's {change}.");
        Assert.NotEmpty(await app.SecurityEventsAsync(email, SecurityEvent.SessionEnded));
    }

    [Fact]
    public async Task APasswordChangedByItsUser_KeepsTheSessionThatChangedIt_AndEndsTheOthers()
    {
        var email = await app.CreateAnalystAsync();
        var here = await app.SignInAsync(app.A, email);
        var elsewhere = await app.SignInAsync(app.A, email);
        foreach (var instance in new[] { app.A, app.B })
        {
            Assert.True(await here.IsSignedInOnAsync(instance));
            Assert.True(await elsewhere.IsSignedInOnAsync(instance));
        }

        // As a change-password page does: change it, then refresh the sign-in so that this session carries the new stamp.
        await ChangeAsync(email, "password changed");
        using (var refresh = await here.GetAsync(app.A, SessionApp.RefreshSignInPath))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, refresh.StatusCode);
        }

        // Both instances still remember the old stamp; the new cookie is accepted at once all the same.
        Assert.True(await here.IsSignedInOnAsync(app.A), "The refreshed session was refused on the instance that refreshed it.");
        Assert.True(await here.IsSignedInOnAsync(app.B), "The refreshed session was refused on the other instance.");
        app.Clock.Advance(SessionValidity.RecheckAfter);
        Assert.False(await elsewhere.IsSignedInOnAsync(app.A));
        Assert.False(await elsewhere.IsSignedInOnAsync(app.B));
        Assert.True(await here.IsSignedInOnAsync(app.B));
    }

    [Fact]
    public async Task FiveWrongPasswords_EndTheAccountsSessionsForGood()
    {
        var email = await app.CreateAnalystAsync();
        var cookie = await app.SignInAsync(app.A, email);
        Assert.True(await cookie.IsSignedInOnAsync(app.A));

        for (var i = 0; i < 5; i++)
        {
            await SignInForm.PostAsync(app.A.CreateClient(new() { AllowAutoRedirect = false }), email, "not-the-password-at-all");
        }

        app.Clock.Advance(SessionValidity.RecheckAfter);
        Assert.False(await cookie.IsSignedInOnAsync(app.A), "The session is still open while the account is locked.");
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.False(await cookie.IsSignedInOnAsync(app.A), "The session is open again once the lock has run out.");
    }

    [Fact]
    public async Task AnOpenCircuit_IsRefusedItsNextSaveAfterSignOut_AndSignedOut()
    {
        var email = await app.CreateAnalystAsync();
        var cookie = await app.SignInAsync(app.A, email);
        await using var circuit = OpenCircuit(cookie);
        await CreateSupplierAsync(circuit.ServiceProvider);

        await SignInForm.SignOutAsync(cookie.Browser);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => CreateSupplierAsync(circuit.ServiceProvider));
        Assert.StartsWith("Your session has ended: the account signed out", refused.Message, StringComparison.Ordinal);
        var state = await circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();
        Assert.False(state.User.Identity?.IsAuthenticated, "The circuit is still signed in, so its page does not go to the sign-in page.");
        await Assert.ThrowsAsync<ForbiddenException>(() => CreateSupplierAsync(circuit.ServiceProvider));
    }

    [Fact]
    public async Task AnOpenCircuitOnTheOtherInstance_IsRefusedWithinFiveSecondsOfALock()
    {
        var email = await app.CreateAnalystAsync();
        var cookie = await app.SignInAsync(app.A, email);
        await using var circuit = OpenCircuit(cookie, app.B);
        await CreateSupplierAsync(circuit.ServiceProvider);

        await ChangeAsync(email, "locked by an administrator");
        app.Clock.Advance(SessionValidity.RecheckAfter);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => CreateSupplierAsync(circuit.ServiceProvider));
        Assert.Contains("Your session has ended", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A circuit as Blazor opens it for a page: its scope, with the authentication state of the cookie's session.</summary>
    private AsyncServiceScope OpenCircuit(SessionCookie cookie, Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>? instance = null)
    {
        var services = (instance ?? app.A).Services;
        var cookieOptions = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = cookieOptions.TicketDataFormat.Unprotect(cookie.Value) ?? throw new InvalidOperationException("The cookie does not open.");
        var scope = services.CreateAsyncScope();
        var state = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(ticket.Principal)));
        return scope;
    }

    private static Task<Guid> CreateSupplierAsync(IServiceProvider circuit) =>
        circuit.GetRequiredService<SupplierCommands>().CreateAsync(new SupplierInput
        {
            LegalName = $"Session Supplier {Guid.NewGuid():N}"[..30],
            HqCountry = "VN",
            Category = SupplierCategory.ContractManufacturer,
            Sites = [new SiteInput { Country = "VN", City = "Main site", Activities = SiteActivity.ComponentManufacturing }],
            Exposure = [new ExposureInput { Category = IpAssetCategory.DesignFiles, Sensitivity = 3 }],
        });

    private async Task ChangeAsync(string email, string change)
    {
        var userId = await app.WithUserAsync(email, (_, user) => Task.FromResult(user.Id));
        var result = change switch
        {
            "password changed" => await app.WithUserAsync(email, (users, user) =>
                users.ChangePasswordAsync(user, SessionApp.Password, "copper-meadow-violin-73")),
            "password reset by an administrator" => await app.WithUserAsync(email, async (users, user) =>
                await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "copper-meadow-violin-73")),
            "locked by an administrator" => ToIdentity(await app.AsAdminAsync(s => s.GetRequiredService<UserAdministration>().LockAsync(userId))),
            "roles changed" => ToIdentity(await app.AsAdminAsync(s =>
                s.GetRequiredService<UserAdministration>().SetRolesAsync(userId, [AppRoles.Analyst, AppRoles.LegalReviewer]))),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static IdentityResult ToIdentity(AdminResult result) =>
        result.Succeeded ? IdentityResult.Success : IdentityResult.Failed(result.Errors.Select(e => new IdentityError { Description = e }).ToArray());
}
