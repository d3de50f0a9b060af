using System.Net;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security;

/// <summary>A signed-in user changes their own password on /account/password, proving the current one, through the real form.</summary>
public sealed class PasswordChangeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Current = "copper-meadow-violin-73";
    private const string Strong = "walnut-harbour-lantern-58";

    [Fact]
    public async Task Change_WithAWrongCurrentPassword_IsRefusedAtTheFieldAndCountsAsAFailedSignIn()
    {
        var email = await NewUserAsync();
        var client = await app.SignInAsync(email, Current);

        var response = await PasswordForms.ChangeAsync(client, "not-my-password-at-all", Strong);

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("This is not your current password. After 5 wrong passwords the account is locked for 15 minutes.", PasswordForms.TextOf(page, "current-password-error"));
        Assert.DoesNotContain("not-my-password-at-all", page, StringComparison.Ordinal);
        Assert.Equal(1, await FailedCountAsync(email));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(app.CreateBrowserLikeClient(), email, Current)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInForm.PostAsync(app.CreateBrowserLikeClient(), email, Strong)).StatusCode);
    }

    [Fact]
    public async Task Change_FiveWrongCurrentPasswords_LockTheAccountAndSignThisBrowserOut()
    {
        var email = await NewUserAsync();
        var client = await app.SignInAsync(email, Current);

        for (var i = 0; i < 4; i++)
        {
            await PasswordForms.ChangeAsync(client, $"wrong-guess-number-{i}", Strong);
        }

        var fifth = await PasswordForms.ChangeAsync(client, "wrong-guess-number-5", Strong);

        Assert.Equal("That was the fifth wrong password: your account is locked for 15 minutes and you are signed out.", PasswordForms.TextOf(await fifth.Content.ReadAsStringAsync(), "password-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInForm.PostAsync(app.CreateBrowserLikeClient(), email, Current)).StatusCode);
        await using var db = await app.CreateDbContextAsync();
        Assert.True(await db.Users.AnyAsync(u => u.Email == email && u.LockoutEnd != null));
    }

    [Theory]
    [InlineData("password1234", "This password is too easy to guess. This is a very common password.")]
    [InlineData("short-one", "Passwords must be at least 12 characters.")]
    public async Task Change_ToAWeakPassword_IsRefusedWithTheRuleAtTheNewPasswordField(string weak, string message)
    {
        var email = await NewUserAsync();
        var client = await app.SignInAsync(email, Current);

        var response = await PasswordForms.ChangeAsync(client, Current, weak);

        var errors = PasswordForms.TextsOf(await response.Content.ReadAsStringAsync(), "new-password-error");
        Assert.Contains(errors, e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal(0, await FailedCountAsync(email));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(app.CreateBrowserLikeClient(), email, Current)).StatusCode);
    }

    [Fact]
    public async Task Change_WhenTheTwoNewPasswordsDiffer_IsRefusedAndChangesNothing()
    {
        var email = await NewUserAsync();
        var client = await app.SignInAsync(email, Current);

        var response = await PasswordForms.ChangeAsync(client, Current, Strong, "walnut-harbour-lantern-59");

        Assert.Contains("The two new passwords are not the same.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(app.CreateBrowserLikeClient(), email, Current)).StatusCode);
    }

    [Fact]
    public async Task Change_WithTheRightCurrentPassword_KeepsThisBrowserSignedIn_TheNewPasswordSignsIn_TheOldNot()
    {
        var email = await NewUserAsync();
        var client = await app.SignInAsync(email, Current);
        var stampBefore = await StampAsync(email);

        var response = await PasswordForms.ChangeAsync(client, Current, Strong);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/password?changed=true", response.Headers.Location!.PathAndQuery);
        var confirmation = await client.GetStringAsync(response.Headers.Location);
        Assert.StartsWith("Your password is changed.", PasswordForms.TextOf(confirmation, "password-changed"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/suppliers")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(app.CreateBrowserLikeClient(), email, Strong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInForm.PostAsync(app.CreateBrowserLikeClient(), email, Current)).StatusCode);
        // Other sessions end on the new security stamp (at their next check).
        Assert.NotEqual(stampBefore, await StampAsync(email));
    }

    [Fact]
    public async Task Change_IsASecurityEventWithoutEitherPassword()
    {
        var email = await NewUserAsync();
        var client = await app.SignInAsync(email, Current);

        await PasswordForms.ChangeAsync(client, "a-wrong-current-one", Strong);
        await PasswordForms.ChangeAsync(client, Current, Strong);

        await using var db = await app.CreateDbContextAsync();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Actor == email).ToListAsync();
        var changed = Assert.Single(events, e => e.EntityType == "PasswordChanged");
        Assert.Contains(email, changed.Changes, StringComparison.Ordinal);
        Assert.Contains(events, e => e.EntityType == "SignInRefused" && e.Changes.Contains("password change: wrong current password", StringComparison.Ordinal));
        var everything = string.Concat((await db.AuditEvents.AsNoTracking().Select(e => e.Changes).ToListAsync()));
        Assert.DoesNotContain(Strong, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Current, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("a-wrong-current-one", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_WithoutTheAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        var email = await NewUserAsync();
        var client = await app.SignInAsync(email, Current);

        var response = await client.PostAsync(PasswordForms.ChangePath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["Input.CurrentPassword"] = Current,
            ["Input.NewPassword"] = Strong,
            ["Input.ConfirmPassword"] = Strong,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(app.CreateBrowserLikeClient(), email, Current)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(DemoAccounts.Roles), MemberType = typeof(DemoAccounts))]
    public async Task EveryRole_FindsChangePasswordInTheAppBar(string role)
    {
        var user = DemoAccounts.ForRole(role);
        var client = await app.SignInAsync(user.Email, user.Password);

        var home = await client.GetStringAsync("/");

        Assert.Matches("<a[^>]*href=\"/account/password\"[^>]*data-testid=\"change-password\"", home);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(PasswordForms.ChangePath)).StatusCode);
    }

    [Fact]
    public async Task Change_MorePostsForOneAccountThanTheSignInLimit_AreRefusedWith429()
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:SignInPerAccount:PermitLimit", "2"));
        var email = await NewUserAsync(limited.Services);
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInForm.PostAsync(client, email, Current);

        await PasswordForms.ChangeAsync(client, "wrong-guess-number-1", Strong);
        var third = await PasswordForms.ChangeAsync(client, "wrong-guess-number-2", Strong);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("Too many attempts for your account. Wait a few minutes and try again.", PasswordForms.TextOf(await third.Content.ReadAsStringAsync(), "password-error"));
    }

    [Fact]
    public async Task Change_MorePostsFromOneAddressThanTheSignInLimit_AreRefusedWith429()
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:SignInPerIp:PermitLimit", "2"));
        var email = await NewUserAsync(limited.Services);
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInForm.PostAsync(client, email, Current);

        await PasswordForms.ChangeAsync(client, "wrong-guess-number-1", Strong);
        var third = await PasswordForms.ChangeAsync(client, "wrong-guess-number-2", Strong);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    private Task<string> NewUserAsync() => NewUserAsync(app.Services);

    private static async Task<string> NewUserAsync(IServiceProvider services)
    {
        var email = $"changer-{Guid.NewGuid():N}@test.local";
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Pat Changer" };
        Assert.True((await users.CreateAsync(user, Current)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, AppRoles.Analyst)).Succeeded);
        return email;
    }

    private async Task<int> FailedCountAsync(string email)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync();
    }

    private async Task<string?> StampAsync(string email)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.SecurityStamp).SingleAsync();
    }
}
