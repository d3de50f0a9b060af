using System.Net;
using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security;

/// <summary>
/// An administrator issues a one-time password reset link (the real use case of the users page); the person opens it
/// anonymously and sets a password through the real form. Tests run one after another on one app and a clock they move.
/// </summary>
public sealed class PasswordResetLinkTests(PasswordResetApp fixture) : IClassFixture<PasswordResetApp>
{
    private const string Forgotten = "copper-meadow-violin-73";
    private const string Strong = "walnut-harbour-lantern-58";
    private const string LinkNotValid = "This link has expired or was already used. Ask an administrator for a new one.";

    [Fact]
    public async Task ResetLink_SetsTheNewPasswordOnce_ThenIsDead()
    {
        var (email, id) = await NewUserAsync();
        var link = await IssueAsync(id);
        var client = fixture.CreateBrowserLikeClient();

        var reset = await PasswordForms.ResetAsync(client, link, Strong);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/account/reset?done=true", reset.Headers.Location!.PathAndQuery);
        Assert.StartsWith("Your new password is set.", PasswordForms.TextOf(await client.GetStringAsync(reset.Headers.Location), "password-reset-done"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(email, Strong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(email, Forgotten)).StatusCode);

        // Used once: opening it again says so, and posting it again sets nothing.
        Assert.Equal(LinkNotValid, PasswordForms.TextOf(await client.GetStringAsync(link), "reset-link-error"));
        var again = await PasswordForms.PostResetAsync(client, link, Html.HiddenValue(await client.GetStringAsync("/account/login"), "__RequestVerificationToken"), "another-passphrase-river-91");
        Assert.Equal(LinkNotValid, PasswordForms.TextOf(await again.Content.ReadAsStringAsync(), "reset-link-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(email, Strong)).StatusCode);
    }

    [Fact]
    public async Task ResetLink_WorksForItsLifetime_AndNotAMomentLonger()
    {
        var (email, id) = await NewUserAsync();
        var link = await IssueAsync(id);
        var client = fixture.CreateBrowserLikeClient();

        fixture.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var lastSecond = await client.GetStringAsync(link);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await client.GetStringAsync(link);
        var posted = await PasswordForms.PostResetAsync(client, link, Html.HiddenValue(lastSecond, "__RequestVerificationToken"), Strong);

        Assert.Equal("", PasswordForms.TextOf(lastSecond, "reset-link-error"));
        Assert.Contains("data-testid=\"reset-password-submit\"", lastSecond, StringComparison.Ordinal);
        Assert.Equal(LinkNotValid, PasswordForms.TextOf(expired, "reset-link-error"));
        Assert.Equal(LinkNotValid, PasswordForms.TextOf(await posted.Content.ReadAsStringAsync(), "reset-link-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(email, Forgotten)).StatusCode);
    }

    [Fact]
    public async Task ResetLink_LifetimeIsConfigurable()
    {
        await using var shortLived = fixture.App.WithWebHostBuilder(b => b.UseSetting("Passwords:ResetLinkHours", "2"));
        var (_, id) = await NewUserAsync(shortLived.Services);
        var link = await IssueAsync(id, shortLived.Services);
        var client = shortLived.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        fixture.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(LinkNotValid, PasswordForms.TextOf(await client.GetStringAsync(link), "reset-link-error"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("169")]
    public void ALifetimeOutsideOneHourToAWeek_StopsTheAppAtStartUp_SayingWhich(string hours)
    {
        var error = StartUpFailure.Of(fixture.App, b => b.UseSetting("Passwords:ResetLinkHours", hours));

        Assert.Contains("Passwords:ResetLinkHours must be a number of hours from 1 to 168", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetLink_ForOneAccount_CannotResetAnother()
    {
        var (_, a) = await NewUserAsync();
        var (emailB, b) = await NewUserAsync();
        var linkForA = await IssueAsync(a);

        var forB = linkForA.Replace($"user={Uri.EscapeDataString(a)}", $"user={Uri.EscapeDataString(b)}", StringComparison.Ordinal);
        var client = fixture.CreateBrowserLikeClient();
        var opened = await client.GetStringAsync(forB);
        var posted = await PasswordForms.PostResetAsync(client, forB, Html.HiddenValue(await client.GetStringAsync("/account/login"), "__RequestVerificationToken"), Strong);

        Assert.Equal(LinkNotValid, PasswordForms.TextOf(opened, "reset-link-error"));
        Assert.Equal(LinkNotValid, PasswordForms.TextOf(await posted.Content.ReadAsStringAsync(), "reset-link-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(emailB, Forgotten)).StatusCode);
    }

    [Theory]
    [InlineData("tamper")]
    [InlineData("truncate")]
    [InlineData("garbage")]
    public async Task ResetLink_Altered_IsRefusedWithTheSameMessage(string how)
    {
        var (email, id) = await NewUserAsync();
        var link = await IssueAsync(id);
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var altered = how switch
        {
            "tamper" => token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..],
            "truncate" => token[..^4],
            _ => "not%20a%20token%3F",
        };

        var client = fixture.CreateBrowserLikeClient();
        var opened = await client.GetStringAsync(link.Replace(token, altered, StringComparison.Ordinal));

        Assert.Equal(LinkNotValid, PasswordForms.TextOf(opened, "reset-link-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(email, Forgotten)).StatusCode);
    }

    [Fact]
    public async Task ResetLink_WithAGuessablePassword_SaysWhyAtTheField_AndStaysValid()
    {
        var (email, id) = await NewUserAsync();
        var link = await IssueAsync(id);
        var client = fixture.CreateBrowserLikeClient();

        var weak = await PasswordForms.ResetAsync(client, link, "password1234");
        var strong = await PasswordForms.ResetAsync(client, link, Strong);

        Assert.Contains(PasswordForms.TextsOf(await weak.Content.ReadAsStringAsync(), "new-password-error"),
            e => e.StartsWith("This password is too easy to guess. This is a very common password.", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, strong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(email, Strong)).StatusCode);
    }

    [Theory]
    [InlineData(AppRoles.Analyst)]
    [InlineData(AppRoles.LegalReviewer)]
    [InlineData(AppRoles.Executive)]
    public async Task IssueLink_WhenNotAnAdministrator_IsForbidden(string role)
    {
        var (_, id) = await NewUserAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => AppFactory.AsUserAsync(fixture.App.Services, $"{role}@test", [role], services =>
            services.GetRequiredService<IssuePasswordResetLink>().IssueAsync(id, "http://localhost/")));
    }

    [Fact]
    public async Task IssueLink_ForTheAdministratorsOwnAccount_IsRefused()
    {
        var (_, id) = await NewUserAsync();

        var result = await AppFactory.AsUserAsync(fixture.App.Services, id, [AppRoles.Admin], services =>
            services.GetRequiredService<IssuePasswordResetLink>().IssueAsync(id, "http://localhost/"));

        Assert.Equal("Change your own password with Change password at the top of the page; it asks for your current password.", result.Error);
    }

    [Fact]
    public async Task IssueLink_ForAnAccountLockedByAnAdministrator_IsRefused_AndALockKillsAnEarlierLink()
    {
        var (_, id) = await NewUserAsync();
        var earlier = await IssueAsync(id);
        await AppFactory.AsUserAsync(fixture.App.Services, "admin@test", [AppRoles.Admin], s => s.GetRequiredService<UserAdministration>().LockAsync(id));

        var result = await AppFactory.AsUserAsync(fixture.App.Services, "admin@test", [AppRoles.Admin], services =>
            services.GetRequiredService<IssuePasswordResetLink>().IssueAsync(id, "http://localhost/"));

        Assert.Equal("Pat Forgetful is locked by an administrator. Unlock the account first, then issue the link.", result.Error);
        Assert.Equal(LinkNotValid, PasswordForms.TextOf(await fixture.CreateBrowserLikeClient().GetStringAsync(earlier), "reset-link-error"));
    }

    [Fact]
    public async Task Reset_LiftsALockAfterFailedSignIns()
    {
        var (email, id) = await NewUserAsync();
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(email, $"wrong-guess-number-{i}");
        }

        await PasswordForms.ResetAsync(fixture.CreateBrowserLikeClient(), await IssueAsync(id), Strong);

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(email, Strong)).StatusCode);
    }

    [Fact]
    public async Task Reset_EndsTheAccountsOpenSessions()
    {
        var (email, id) = await NewUserAsync();
        var session = fixture.CreateBrowserLikeClient();
        await SignInForm.PostAsync(session, email, Forgotten);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/suppliers")).StatusCode);

        await PasswordForms.ResetAsync(fixture.CreateBrowserLikeClient(), await IssueAsync(id), Strong);
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));

        var afterReset = await session.GetAsync("/suppliers");
        Assert.Equal(HttpStatusCode.Redirect, afterReset.StatusCode);
        Assert.StartsWith(IdentitySetup.LoginPath, afterReset.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_WithoutTheAntiforgeryToken_IsRefused()
    {
        var (email, id) = await NewUserAsync();
        var link = await IssueAsync(id);

        var response = await fixture.CreateBrowserLikeClient().PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "reset-password",
            ["Input.NewPassword"] = Strong,
            ["Input.ConfirmPassword"] = Strong,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(email, Forgotten)).StatusCode);
    }

    [Fact]
    public async Task Reset_PostsFromOneAddress_CountTowardTheSignInLimit()
    {
        await using var limited = fixture.App.WithWebHostBuilder(b => b.UseSetting("RateLimits:SignInPerIp:PermitLimit", "2"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = Html.HiddenValue(await client.GetStringAsync("/account/login"), "__RequestVerificationToken");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await PasswordForms.PostResetAsync(client, $"/account/reset?user=guess-{i}&token=guess", token, Strong)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task IssueAndReset_AreSecurityEvents_AndTheLinkIsNeitherAuditedNorLogged()
    {
        var (email, id) = await NewUserAsync();
        var link = await IssueAsync(id);
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];

        await PasswordForms.ResetAsync(fixture.CreateBrowserLikeClient(), link, Strong);

        await using var db = await CreateDbContextAsync();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityKey == id).OrderBy(e => e.Id).ToListAsync();
        var issued = Assert.Single(events, e => e.EntityType == "PasswordResetIssued");
        Assert.Equal("admin@test", issued.Actor);
        Assert.Contains(email, issued.Changes, StringComparison.Ordinal);
        Assert.Contains("link valid until", issued.Changes, StringComparison.Ordinal);
        var reset = Assert.Single(events, e => e.EntityType == "PasswordReset");
        Assert.Equal(email, reset.Actor);
        var audited = string.Concat(await db.AuditEvents.AsNoTracking().Select(e => e.Changes + e.EntityKey + e.Actor).ToListAsync());
        Assert.DoesNotContain(token, audited, StringComparison.Ordinal);
        Assert.DoesNotContain(token[..20], audited, StringComparison.Ordinal);
        Assert.DoesNotContain(Strong, audited, StringComparison.Ordinal);
        // The log names the account, never the person's address (that stays in the audit trail).
        Assert.Contains(fixture.Log.Lines, line => line.Contains($"Password of account {id} set through a reset link", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Log.Lines, line => line.Contains(token[..20], StringComparison.Ordinal) || line.Contains(Strong, StringComparison.Ordinal)
            || line.Contains(email, StringComparison.Ordinal));
    }

    private Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        SignInForm.PostAsync(fixture.CreateBrowserLikeClient(), email, password);

    private Task<(string Email, string Id)> NewUserAsync() => NewUserAsync(fixture.App.Services);

    private static async Task<(string Email, string Id)> NewUserAsync(IServiceProvider services)
    {
        var email = $"forgetful-{Guid.NewGuid():N}@test.local";
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Pat Forgetful" };
        Assert.True((await users.CreateAsync(user, Forgotten)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, AppRoles.Analyst)).Succeeded);
        return (email, user.Id);
    }

    private Task<string> IssueAsync(string userId) => IssueAsync(userId, fixture.App.Services);

    /// <summary>As an administrator on the users page, whose browser reaches the app at http://localhost/; returns the link's path and query.</summary>
    private static async Task<string> IssueAsync(string userId, IServiceProvider services)
    {
        var result = await AppFactory.AsUserAsync(services, "admin@test", [AppRoles.Admin], s =>
            s.GetRequiredService<IssuePasswordResetLink>().IssueAsync(userId, "http://localhost/"));
        Assert.True(result.Succeeded, result.Error);
        Assert.StartsWith("http://localhost/account/reset?user=", result.Link, StringComparison.Ordinal);
        return result.Link["http://localhost".Length..];
    }

    private async Task<Web.Infrastructure.Persistence.AppDbContext> CreateDbContextAsync()
    {
        var scope = fixture.App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<Web.Infrastructure.Persistence.AppDbContext>>().CreateDbContextAsync();
    }
}
