using System.Net;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;

namespace DueDiligence.Web.Tests.Security.TwoFactor;

/// <summary>Without configuration the policy is off: the demo administrator and executive sign in with a password alone.</summary>
public sealed class TwoFactorPolicyOffTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(AppRoles.Admin, "/admin/users")]
    [InlineData(AppRoles.Executive, "/suppliers")]
    public async Task PolicyOff_ByDefault_RequiredRolesUseTheAppWithoutAnAuthenticator(string role, string url)
    {
        var account = DemoAccounts.ForRole(role);
        var client = await app.SignInAsync(account.Email, account.Password);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }
}
