using System.Net;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace DueDiligence.Web.Tests.Security.Sso;

/// <summary>Single sign-on is off unless configured; a wrong setting stops the app at start-up, naming the setting.</summary>
public sealed class SsoConfigurationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ByDefault_TheSignInPageHasNoSsoButton_AndTheSsoEndpointsDoNotExist()
    {
        var browser = app.CreateBrowserLikeClient();
        var page = await browser.GetStringAsync("/account/login");
        var token = Html.HiddenValue(page, "__RequestVerificationToken");

        var challenge = await browser.PostAsync("/account/sso/challenge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = "/",
        }));

        Assert.DoesNotContain("sso-sign-in", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in with", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/account/sso/complete")).StatusCode);
    }

    [Fact]
    public async Task WhenEnabled_TheSignInPageShowsTheButton_PostingWithAntiforgery()
    {
        await using var provider = new TestOidcProvider();
        await using var enabled = app.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in SsoApp.Settings(autoCreateUsers: false))
            {
                builder.UseSetting(key, value);
            }
        });

        var page = await SsoApp.NewBrowser(enabled).GetStringAsync("/account/login?ReturnUrl=%2Fsuppliers");
        var browser = SsoApp.NewBrowser(enabled);
        var withoutToken = await browser.PostAsync("/account/sso/challenge", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));

        Assert.Contains("Sign in with Contoso", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/account/sso/challenge\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/suppliers\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }

    [Theory]
    [InlineData("Sso:ClientId", "", "Sso:ClientId is missing")]
    [InlineData("Sso:Authority", "http://idp.contoso.example", "Sso:Authority is 'http://idp.contoso.example': the provider must be reached over https")]
    [InlineData("Sso:Authority", "contoso", "Sso:Authority is 'contoso', which is not an address")]
    [InlineData("Sso:RoleMap:dd-analyst", "Analysts", "Sso:RoleMap:dd-analyst is 'Analysts', which is not a role: use Analyst, LegalReviewer, Executive, Admin.")]
    [InlineData("Sso:RoleClaim", "", "Sso:RoleClaim is empty")]
    public void AWrongSetting_StopsTheAppAtStartUp_SayingWhich(string setting, string value, string message)
    {
        var error = StartUpFailure.Of(app, builder =>
        {
            foreach (var (key, configured) in SsoApp.Settings(autoCreateUsers: false))
            {
                builder.UseSetting(key, configured);
            }

            builder.UseSetting(setting, value);
        });

        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
