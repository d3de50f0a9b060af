using System.Net;
using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security;

public sealed class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Password = "correct-horse-battery";

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var email = await CreateUserAsync();
        var client = app.CreateBrowserLikeClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await SignInForm.PostAsync(client, email, "wrong-password-" + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await SignInForm.PostAsync(client, email, Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var page = await right.Content.ReadAsStringAsync();
        Assert.Contains("The e-mail or password is not right, or the account is locked.", page, StringComparison.Ordinal);
        var lockedUntil = await app.AsUserAsync("test", [], async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            return await users.GetLockoutEndDateAsync((await users.FindByEmailAsync(email))!);
        });
        Assert.NotNull(lockedUntil);
        Assert.InRange(lockedUntil.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task SignIn_AfterFourWrongPasswords_StillAcceptsTheRightOne()
    {
        var email = await CreateUserAsync();
        var client = app.CreateBrowserLikeClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await SignInForm.PostAsync(client, email, "wrong-password-" + attempt);
        }

        var right = await SignInForm.PostAsync(client, email, Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_SaysSoWithoutRevealingWhichPartIsWrong()
    {
        var response = await SignInForm.PostAsync(app.CreateBrowserLikeClient(), "nobody@demo.local", "whatever-password");

        Assert.Contains("The e-mail or password is not right, or the account is locked.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WhenRefused_DoesNotSendThePasswordBackInThePage()
    {
        var response = await SignInForm.PostAsync(app.CreateBrowserLikeClient(), "analyst@demo.local", "typed-secret-password");

        Assert.Contains("The e-mail or password is not right, or the account is locked.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("typed-secret-password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithReturnUrlToAnotherSite_StaysOnThisSite()
    {
        var client = app.CreateBrowserLikeClient();
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        var page = await client.GetStringAsync("/account/login");
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = Html.HiddenValue(page, "__RequestVerificationToken"),
            ["Input.Email"] = analyst.Email,
            ["Input.Password"] = analyst.Password,
        };

        var response = await client.PostAsync("/account/login?returnUrl=//evil.example/", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        Assert.True(!location.IsAbsoluteUri || location.Host == "localhost", $"Redirected off-site to {location}");
    }

    [Fact]
    public async Task CreateUser_WithShortPassword_IsRefusedWithTheRule()
    {
        var result = await app.AsUserAsync("admin@test", [AppRoles.Admin], services =>
            services.GetRequiredService<UserAdministration>().CreateAsync(new NewUserInput
            {
                Email = "short@test.local",
                DisplayName = "Short",
                Password = "elevenchars",
                Roles = [AppRoles.Analyst],
            }));

        Assert.False(result.Succeeded);
        Assert.Contains("A password has at least 12 characters.", result.Errors);
    }

    [Fact]
    public async Task CreateUser_WhenNotAdmin_IsForbidden()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("analyst@test", [AppRoles.Analyst], services =>
            services.GetRequiredService<UserAdministration>().CreateAsync(new NewUserInput
            {
                Email = "x@test.local",
                DisplayName = "X",
                Password = Password,
                Roles = [AppRoles.Admin],
            })));
    }

    [Fact]
    public async Task LockedByAdmin_CannotSignIn_UntilUnlocked()
    {
        var email = await CreateUserAsync();
        var id = await app.AsUserAsync("test", [], async s => (await s.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id);
        await app.AsUserAsync("admin@test", [AppRoles.Admin], s => s.GetRequiredService<UserAdministration>().LockAsync(id));

        var whileLocked = await SignInForm.PostAsync(app.CreateBrowserLikeClient(), email, Password);
        await app.AsUserAsync("admin@test", [AppRoles.Admin], s => s.GetRequiredService<UserAdministration>().UnlockAsync(id));
        var afterUnlock = await SignInForm.PostAsync(app.CreateBrowserLikeClient(), email, Password);

        Assert.Equal(HttpStatusCode.OK, whileLocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterUnlock.StatusCode);
    }

    [Fact]
    public async Task SignIn_WhenAnAdministratorLockedTheAccount_SaysNoMoreThanForAWrongPassword()
    {
        var email = await CreateUserAsync();
        var id = await app.AsUserAsync("test", [], async s => (await s.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id);
        var locked = await app.AsUserAsync("admin@test", [AppRoles.Admin], s => s.GetRequiredService<UserAdministration>().LockAsync(id));
        Assert.True(locked.Succeeded, string.Join(" ", locked.Errors));

        var response = await SignInForm.PostAsync(app.CreateBrowserLikeClient(), email, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The e-mail or password is not right, or the account is locked.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("An administrator has locked", page, StringComparison.Ordinal);
    }

    private async Task<string> CreateUserAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@test.local";
        var result = await app.AsUserAsync("admin@test", [AppRoles.Admin], services =>
            services.GetRequiredService<UserAdministration>().CreateAsync(new NewUserInput
            {
                Email = email,
                DisplayName = "Test User",
                Password = Password,
                Roles = [AppRoles.Analyst],
            }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return email;
    }
}
