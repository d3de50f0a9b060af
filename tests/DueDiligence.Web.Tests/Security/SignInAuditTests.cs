using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security;

/// <summary>Sign-ins, refused sign-ins, lockouts and sign-outs are security events in the audit trail, chained like every other event, without secrets.</summary>
public sealed class SignInAuditTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SignInAndSignOut_AreAuditedWithTheAccountAndAddress()
    {
        var account = DemoAccounts.ForRole(AppRoles.Executive);
        var client = await app.SignInAsync(account.Email, account.Password);

        await SignInForm.SignOutAsync(client);

        var events = await EventsAsync(account.Email);
        Assert.Contains(events, e => e.EntityType == "SignIn");
        Assert.Contains(events, e => e.EntityType == "SignOut");
        var signIn = events.First(e => e.EntityType == "SignIn");
        Assert.Equal("Signed in", AuditWording.Describe(signIn.EntityType, signIn.Action));
        Assert.Contains(account.Email, signIn.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(account.Password, string.Concat(events.Select(e => e.Changes)), StringComparison.Ordinal);
        await ChainIntactAsync();
    }

    [Fact]
    public async Task WrongPasswords_AreAuditedAsRefusedAndTheFifthAsALockout()
    {
        var email = await NewUserAsync();

        for (var i = 0; i < 5; i++)
        {
            await SignInForm.PostAsync(app.CreateBrowserLikeClient(), email, "not-the-password-at-all");
        }

        var events = await EventsAsync(email);
        Assert.Equal(5, events.Count(e => e.EntityType == "SignInRefused"));
        Assert.Single(events, e => e.EntityType == "Lockout");
        Assert.DoesNotContain("not-the-password-at-all", string.Concat(events.Select(e => e.Changes)), StringComparison.Ordinal);
        await ChainIntactAsync();
    }

    [Fact]
    public async Task SignIn_WithAnUnknownAddress_IsAuditedAsRefusedForNoAccount()
    {
        var email = $"nobody-{Guid.NewGuid():N}@example.com";

        await SignInForm.PostAsync(app.CreateBrowserLikeClient(), email, "whatever-they-try");

        var refused = Assert.Single(await EventsAsync(email));
        Assert.Equal("SignInRefused", refused.EntityType);
        Assert.Equal("unknown", refused.EntityKey);
        Assert.Contains("no such account", refused.Changes, StringComparison.Ordinal);
    }

    private async Task<string> NewUserAsync()
    {
        var email = $"locked-{Guid.NewGuid():N}@test";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        var created = await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "Locked Out" }, "a-long-enough-password-42");
        Assert.True(created.Succeeded);
        return email;
    }

    private async Task<List<Domain.Auditing.AuditEvent>> EventsAsync(string actor)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Actor == actor).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task ChainIntactAsync()
    {
        var verification = await app.AsUserAsync("admin", [AppRoles.Admin], s => s.GetRequiredService<AuditLog>().VerifyAsync());
        Assert.True(verification.IsIntact, verification.Reason);
    }
}
