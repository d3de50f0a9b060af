using System.Net;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace DueDiligence.Web.Tests.Security;

/// <summary>
/// Strict-Transport-Security on every response the client got over https (here through a trusted proxy on loopback,
/// ForwardedHeadersSetup), never over plain http, with the configured lifetime.
/// </summary>
public sealed class HstsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int DefaultMaxAgeSeconds = SecurityHeadersSetup.DefaultMaxAgeDays * 24 * 60 * 60;

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/app.css")]
    public async Task HttpsThroughATrustedProxy_GetsHsts_ForHalfAYear(string path)
    {
        var response = await SendAsync(app, "127.0.0.1", path, forwardedProto: "https");

        Assert.Equal($"max-age={DefaultMaxAgeSeconds}", response.Headers.StrictTransportSecurity.ToString());
    }

    [Theory]
    [InlineData("127.0.0.1", null)]
    [InlineData("10.1.2.3", "https")]
    public async Task PlainHttp_OrHttpsClaimedByAnUntrustedSender_GetsNoHsts(string from, string? forwardedProto)
    {
        var response = await SendAsync(app, from, "/account/login", forwardedProto);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.False(response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    [Fact]
    public async Task TheLifetime_IsConfigured()
    {
        await using var configured = app.WithWebHostBuilder(b => b.UseSetting(SecurityHeadersSetup.MaxAgeSetting, "365"));

        var response = await SendAsync(configured, "127.0.0.1", "/account/login", forwardedProto: "https");

        Assert.Equal("max-age=31536000", response.Headers.StrictTransportSecurity.ToString());
    }

    [Fact]
    public void AWrongLifetime_StopsTheAppAtStartUp_SayingWhich()
    {
        var error = StartUpFailure.Of(app, b => b.UseSetting(SecurityHeadersSetup.MaxAgeSetting, "half a year"));

        Assert.Contains("Hsts:MaxAgeDays is 'half a year', which is not a whole number of days", error, StringComparison.Ordinal);
    }

    /// <summary>A GET from <paramref name="from"/> for the public host, with X-Forwarded-Proto when given.</summary>
    private static async Task<HttpResponse> SendAsync(WebApplicationFactory<Program> factory, string from, string path, string? forwardedProto)
    {
        var context = await factory.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
            context.Request.Method = "GET";
            context.Request.Path = path;
            context.Request.Host = new HostString("duediligence.example.com");
            if (forwardedProto is not null)
            {
                context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            }
        });
        return context.Response;
    }
}
