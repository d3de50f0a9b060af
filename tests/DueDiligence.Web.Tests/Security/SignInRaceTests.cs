using System.Net;
using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security;

/// <summary>
/// Lockout under parallel attempts and account enumeration: at most the limit of passwords is ever checked against an
/// account, correct sign-ins in parallel all get in, and an unknown address costs the same work and reads the same as a
/// real one.
/// </summary>
public sealed class SignInRaceTests(SignInApp app) : IClassFixture<SignInApp>
{
    private const int Limit = 5;

    private const string RefusedMessage =
        "The e-mail or password is not right, or the account is locked. After 5 failed sign-ins an account is locked for 15 minutes; an administrator can unlock it sooner.";

    [Fact]
    public async Task SignIn_FortyWrongPasswordsAtOnce_ChecksOnlyTheLimit_AndThenRefusesTheRightOne()
    {
        var (email, _, hash) = await CreateUserAsync();
        var clients = await OpenSignInPagesAsync(40);
        var checksBefore = app.Checks.Total;

        var wrong = await Task.WhenAll(clients.Select((c, i) => SignInForm.PostAsync(c.Client, c.Token, email, $"wrong-password-{i:D2}")));
        var right = await SignInForm.PostAsync(app.NewClient(), email, SignInApp.Password);

        Assert.All(wrong, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(Limit, app.Checks.Against(hash));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(RefusedMessage, await SignInForm.ErrorAsync(right));
        // Every attempt did the same work, also those refused without looking at the account's password.
        Assert.Equal(41, app.Checks.Total - checksBefore);
    }

    [Fact]
    public async Task SignIn_TenRightPasswordsAtOnceAfterOneFailure_AreAllAccepted()
    {
        var (email, _, _) = await CreateUserAsync();
        await SignInForm.PostAsync(app.NewClient(), email, "wrong-password");
        var clients = await OpenSignInPagesAsync(10);

        var responses = await Task.WhenAll(clients.Select(c => SignInForm.PostAsync(c.Client, c.Token, email, SignInApp.Password)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
    }

    [Fact]
    public async Task SignIn_UnknownAddressAndWrongPassword_ReadTheSame_AndEachRunsTheHasherOnce()
    {
        var (email, _, hash) = await CreateUserAsync();

        var before = app.Checks.Total;
        var unknown = await SignInForm.PostAsync(app.NewClient(), $"nobody-{Guid.NewGuid():N}@test.local", "wrong-password");
        var afterUnknown = app.Checks.Total;
        var known = await SignInForm.PostAsync(app.NewClient(), email, "wrong-password");

        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, app.Checks.Total - afterUnknown);
        Assert.Equal(1, app.Checks.Against(hash));
        Assert.Equal(RefusedMessage, await SignInForm.ErrorAsync(unknown));
        Assert.Equal(RefusedMessage, await SignInForm.ErrorAsync(known));
    }

    [Fact]
    public async Task SignIn_LockedAccount_ReadsAsAnUnknownAddress_AndItsPasswordIsNotChecked()
    {
        var (email, id, hash) = await CreateUserAsync();
        await app.AsAdminAsync(s => s.GetRequiredService<UserAdministration>().LockAsync(id));

        var before = app.Checks.Total;
        var locked = await SignInForm.PostAsync(app.NewClient(), email, SignInApp.Password);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(RefusedMessage, await SignInForm.ErrorAsync(locked));
        Assert.Equal(1, app.Checks.Total - before);
        Assert.Equal(0, app.Checks.Against(hash));
    }

    private Task<(string Email, string Id, string Hash)> CreateUserAsync() => app.CreateUserAsync();

    /// <summary>Clients with the sign-in page open, ready to post at the same moment.</summary>
    private async Task<(HttpClient Client, string Token)[]> OpenSignInPagesAsync(int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            var client = app.NewClient();
            return (client, await SignInForm.OpenAsync(client));
        }));
}
