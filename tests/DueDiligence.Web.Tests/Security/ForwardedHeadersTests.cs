using System.Net;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace DueDiligence.Web.Tests.Security;

/// <summary>
/// X-Forwarded-For/-Proto are honoured from the configured proxies only (ForwardedHeadersSetup). Each request comes
/// from a given address, as a TCP connection from it would (TestServer has no sockets); the end-to-end deployment
/// tests show the same with nginx and real connections.
/// </summary>
public sealed class ForwardedHeadersTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string ClientAddress = "198.51.100.23";

    [Theory]
    [InlineData("127.0.0.1", "https")]
    [InlineData("::1", "https")]
    [InlineData("10.1.2.3", "http")]
    public async Task NothingConfigured_OnlyLoopbackIsTrusted(string from, string schemeSeen)
    {
        var location = await SignInRedirectAsync(app, from);

        Assert.StartsWith($"{schemeSeen}://", location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("172.30.80.7", "https")]
    [InlineData("172.30.80.254", "https")]
    [InlineData("172.30.81.7", "http")]
    [InlineData("127.0.0.1", "http")]
    public async Task AConfiguredNetwork_IsTrusted_AndLoopbackNoLonger(string from, string schemeSeen)
    {
        await using var behindProxy = app.WithWebHostBuilder(b => b.UseSetting("ForwardedHeaders:KnownNetworks:0", "172.30.80.0/24"));

        var location = await SignInRedirectAsync(behindProxy, from);

        Assert.StartsWith($"{schemeSeen}://", location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.20.30.40", true)]
    [InlineData("10.20.30.41", false)]
    public async Task SignInThroughAConfiguredProxy_GivesASecureCookie_AndTheClientsAddress(string from, bool trusted)
    {
        await using var behindProxy = app.WithWebHostBuilder(b => b.UseSetting("ForwardedHeaders:KnownProxies:0", "10.20.30.40"));
        var login = await SendAsync(behindProxy, from, "GET", "/account/login");
        var antiforgery = CookieOf(login, ".AspNetCore.Antiforgery.");
        var page = await new StreamReader(login.Response.Body).ReadToEndAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = Html.HiddenValue(page, "__RequestVerificationToken"),
            ["Input.Email"] = "analyst@demo.local",
            ["Input.Password"] = "Demo-Analyst-2026",
        });

        var signIn = await SendAsync(behindProxy, from, "POST", "/account/login", antiforgery.Split(';')[0], form);

        Assert.Equal(StatusCodes.Status302Found, signIn.Response.StatusCode);
        var session = CookieOf(signIn, trusted ? "__Host-DueDiligence.Auth=" : "DueDiligence.Auth=");
        Assert.Equal(trusted, session.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("; path=/;", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", session, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(trusted, antiforgery.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(trusted ? ClientAddress : from, signIn.Connection.RemoteIpAddress!.ToString());
        if (trusted)
        {
            // Over https only the __Host- cookie counts: the same value under the plain name, as a site on a sibling
            // domain could plant it, is not read.
            var value = session.Split(';')[0].Split('=', 2)[1];
            Assert.Equal(StatusCodes.Status200OK, (await SendAsync(behindProxy, from, "GET", "/", $"__Host-DueDiligence.Auth={value}")).Response.StatusCode);
            Assert.Equal(StatusCodes.Status302Found, (await SendAsync(behindProxy, from, "GET", "/", $"DueDiligence.Auth={value}")).Response.StatusCode);
        }
    }

    [Theory]
    [InlineData("KnownProxies", "proxy.internal", "ForwardedHeaders:KnownProxies:0 is 'proxy.internal', which is not an IP address")]
    [InlineData("KnownNetworks", "172.30.80.0", "ForwardedHeaders:KnownNetworks:0 is '172.30.80.0', which is not a network in CIDR notation")]
    [InlineData("KnownNetworks", "172.30.80.0/33", "ForwardedHeaders:KnownNetworks:0 is '172.30.80.0/33', which is not a network in CIDR notation")]
    public void AWrongProxySetting_StopsTheAppAtStartUp_SayingWhich(string list, string value, string message)
    {
        var error = StartUpFailure.Of(app, b => b.UseSetting($"ForwardedHeaders:{list}:0", value));

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_AreReadAsTheReadmeDescribesThem()
    {
        var options = new ForwardedHeadersOptions();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "172.30.80.2",
            ["ForwardedHeaders:KnownProxies:1"] = "fd00::2",
            ["ForwardedHeaders:KnownNetworks:0"] = "172.30.80.0/24",
        }).Build();

        ForwardedHeadersSetup.Apply(options, configuration.GetSection(ForwardedHeadersSetup.Section));

        Assert.Equal([IPAddress.Parse("172.30.80.2"), IPAddress.Parse("fd00::2")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("172.30.80.0/24")], options.KnownIPNetworks);
        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
    }

    /// <summary>GET / without signing in: the challenge redirects to an absolute sign-in address in the scheme the app saw.</summary>
    private static async Task<string> SignInRedirectAsync(WebApplicationFactory<Program> factory, string from)
    {
        var context = await SendAsync(factory, from, "GET", "/");
        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        return context.Response.Headers.Location.ToString();
    }

    /// <summary>A request from <paramref name="from"/> that says it was https from <see cref="ClientAddress"/>.</summary>
    private static Task<HttpContext> SendAsync(WebApplicationFactory<Program> factory, string from, string method, string path, string? cookie = null, HttpContent? body = null) =>
        factory.Server.SendAsync(async context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
            context.Request.Method = method;
            context.Request.Path = path;
            context.Request.Host = new HostString("duediligence.example.com");
            context.Request.Headers["X-Forwarded-Proto"] = "https";
            context.Request.Headers["X-Forwarded-For"] = ClientAddress;
            if (cookie is not null)
            {
                context.Request.Headers.Cookie = cookie;
            }

            if (body is not null)
            {
                context.Request.ContentType = body.Headers.ContentType!.ToString();
                context.Request.Body = new MemoryStream(await body.ReadAsByteArrayAsync());
            }
        });

    private static string CookieOf(HttpContext context, string prefix) =>
        context.Response.Headers.SetCookie.FirstOrDefault(c => c!.StartsWith(prefix, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"The response sets no cookie {prefix}…");
}
