using System.Net;
using System.Reflection;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace DueDiligence.Web.Tests.Security;

public sealed class PageAuthorizationTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Every routable page of the app, with sample values for its route parameters.</summary>
    public static TheoryData<string> ProtectedPages()
    {
        var data = new TheoryData<string>();
        foreach (var page in RoutablePages().Where(p => p.GetCustomAttribute<AllowAnonymousAttribute>() is null))
        {
            foreach (var route in page.GetCustomAttributes<RouteAttribute>())
            {
                data.Add(SampleUrl(route.Template));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProtectedPages))]
    public async Task Get_WhenAnonymous_RedirectsToSignIn(string url)
    {
        var response = await app.CreateBrowserLikeClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(IdentitySetup.LoginPath, response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_WhenAnonymousAndUnknownUrl_RedirectsToSignIn()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task AdminPages_WhenAnalyst_Return403WithFriendlyPage()
    {
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        var client = await app.SignInAsync(analyst.Email, analyst.Password);

        foreach (var url in new[] { "/admin/users", "/admin/audit" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("You do not have access to this page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AdminPages_WhenAdmin_Return200()
    {
        var admin = DemoAccounts.ForRole(AppRoles.Admin);
        var client = await app.SignInAsync(admin.Email, admin.Password);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/audit")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(DemoAccounts.Roles), MemberType = typeof(DemoAccounts))]
    public async Task RolePages_WhenRoleMissing_Return403(string role)
    {
        var user = DemoAccounts.ForRole(role);
        var client = await app.SignInAsync(user.Email, user.Password);

        foreach (var page in RoutablePages())
        {
            var roles = page.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Roles).Where(r => r is not null).SelectMany(r => r!.Split(','));
            if (!roles.Any() || roles.Contains(role))
            {
                continue;
            }

            var url = SampleUrl(page.GetCustomAttributes<RouteAttribute>().First().Template);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task UnknownUrl_WhenSignedIn_Returns404WithFriendlyPage()
    {
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        var client = await app.SignInAsync(analyst.Email, analyst.Password);

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_WhenAnonymous_ReportsHealthyDatabase()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PasswordResetPage_WhenAnonymousWithoutAValidLink_SaysTheLinkDoesNotWork()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync("/account/reset?user=someone&token=guess");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This link has expired or was already used. Ask an administrator for a new one.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        var client = await app.SignInAsync(analyst.Email, analyst.Password);

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    private static IEnumerable<Type> RoutablePages() =>
        typeof(Program).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any());

    private static string SampleUrl(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, "\\{([^}:]+)(:([^}]+))?\\}", m => m.Groups[3].Value switch
        {
            "int" or "long" => "1",
            "guid" => Guid.Empty.ToString(),
            _ => "sample",
        });
}
