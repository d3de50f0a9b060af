using System.Net;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DueDiligence.Web.Tests.Security;

/// <summary>Rate limits from configuration (RateLimits:*): every test client of TestServer comes from one address.</summary>
public sealed class SignInRateLimitTests : IAsyncDisposable
{
    private readonly AppFactory _factory = new();

    [Fact]
    public async Task SignIn_MorePostsFromOneAddressThanTheLimit_AreRefusedWith429()
    {
        var app = WithLimits(("SignInPerIp", 3));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await SignInForm.PostAsync(client, $"someone-{i}@test.local", "wrong-password")).StatusCode);
        }

        var refused = await SignInForm.PostAsync(client, "someone-else@test.local", "wrong-password");

        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many requests from your network address. Wait a minute and try again.", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnyPage_MoreRequestsFromOneAddressNotSignedInThanTheLimit_AreRefusedWith429()
    {
        var client = WithLimits(("AnonymousPerIp", 4)).CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync("/account/login")).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 4), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task SignIn_MorePostsForOneAccountThanTheLimit_AreRefusedWith429_OtherAccountsNot()
    {
        var app = WithLimits(("SignInPerAccount", 2));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var analyst = DemoAccounts.ForRole(DueDiligence.Web.Infrastructure.Identity.AppRoles.Analyst);

        await SignInForm.PostAsync(client, "target@test.local", "wrong-password-1");
        await SignInForm.PostAsync(client, "TARGET@test.local", "wrong-password-2");
        var third = await SignInForm.PostAsync(client, "target@test.local", "wrong-password-3");
        var other = await SignInForm.PostAsync(client, analyst.Email, analyst.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("Too many sign-in attempts for this e-mail address. Wait a few minutes and try again.", await SignInForm.ErrorAsync(third));
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private WebApplicationFactory<Program> WithLimits(params (string Limit, int Permits)[] limits) =>
        _factory.WithWebHostBuilder(builder =>
        {
            foreach (var (limit, permits) in limits)
            {
                builder.UseSetting($"RateLimits:{limit}:PermitLimit", permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });
}
