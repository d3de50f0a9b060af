using System.Net;
using System.Text.RegularExpressions;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;

namespace DueDiligence.Web.Tests.Security;

/// <summary>
/// Every kind of response carries the browser-side defences of SecurityHeaders: pages (signed out and in), static
/// files, the exports, an evidence file and a PDF report. Pages run no inline script but the framework's import map,
/// which carries the nonce of its own response.
/// </summary>
public sealed partial class SecurityHeadersTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/app.css")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js")]
    [InlineData("/no-such-page")]
    public async Task SignedOut_EveryResponse_CarriesTheHeaders(string path)
    {
        var response = await app.CreateBrowserLikeClient().GetAsync(path);

        AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/suppliers")]
    [InlineData("/suppliers/export.csv")]
    [InlineData("/suppliers/export.xlsx")]
    public async Task AsAnalyst_PagesAndExports_CarryTheHeaders(string path)
    {
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        using var client = await app.SignInAsync(analyst.Email, analyst.Password);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} may be kept in a cache: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task AsAnalyst_StaticFiles_KeepTheirOwnCaching()
    {
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        using var client = await app.SignInAsync(analyst.Email, analyst.Password);

        var response = await client.GetAsync("/app.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.CacheControl?.NoStore ?? false);
    }

    [Fact]
    public async Task EvidenceDownloadAndPdfReport_CarryTheHeaders()
    {
        var evidence = (await StoredEvidence.AllAsync(app.Services))[0];
        var assessmentPath = evidence.DownloadUrl[..evidence.DownloadUrl.IndexOf("/evidence/", StringComparison.Ordinal)];
        var executive = DemoAccounts.ForRole(AppRoles.Executive);
        using var client = await app.SignInAsync(executive.Email, executive.Password);

        var file = await client.GetAsync(evidence.DownloadUrl);
        var pdf = await client.GetAsync($"{assessmentPath}/report.pdf");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        AssertSecurityHeaders(file);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(pdf);
    }

    [Theory]
    [InlineData("/account/login", false)]
    [InlineData("/", true)]
    [InlineData("/suppliers", true)]
    public async Task Pages_RunNoInlineScript_ButTheImportMapWithThisResponsesNonce(string path, bool signedIn)
    {
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        using var client = signedIn ? await app.SignInAsync(analyst.Email, analyst.Password) : app.CreateBrowserLikeClient();

        var first = await client.GetAsync(path);
        var second = await client.GetAsync(path);

        var nonce = NonceOf(first);
        Assert.NotEqual(nonce, NonceOf(second));
        var scripts = ScriptTag().Matches(await first.Content.ReadAsStringAsync()).Select(m => m.Value).ToList();
        var inline = Assert.Single(scripts, tag => !tag.Contains(" src=", StringComparison.Ordinal));
        Assert.Contains("type=\"importmap\"", inline, StringComparison.Ordinal);
        Assert.Contains($"nonce=\"{nonce}\"", inline, StringComparison.Ordinal);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var policy = Header(response, "Content-Security-Policy");
        var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.Matches(@"^script-src 'self' 'nonce-[0-9a-f]{32}'$", directives["script-src"]);
        Assert.Equal("style-src 'self' 'unsafe-inline'", directives["style-src"]);
        Assert.Equal("connect-src 'self' ws://localhost", directives["connect-src"]);
        Assert.Equal("img-src 'self' data:", directives["img-src"]);
        Assert.Equal("font-src 'self'", directives["font-src"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("base-uri 'self'", directives["base-uri"]);
        Assert.Equal("form-action 'self'", directives["form-action"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var permissions = Header(response, "Permissions-Policy");
        foreach (var feature in new[] { "camera", "microphone", "geolocation", "payment", "usb" })
        {
            Assert.Contains($"{feature}=()", permissions, StringComparison.Ordinal);
        }

        // TestServer adds no Server header of its own; the end-to-end test checks Kestrel's.
        Assert.False(response.Headers.Contains("Server"));
    }

    private static string NonceOf(HttpResponseMessage response) =>
        Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;

    private static string Header(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values
            : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header."));

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
