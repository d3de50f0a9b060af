using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Performance;

/// <summary>
/// A signed-in page costs the browser no static bytes on a repeat load: every stylesheet, script and icon the page
/// links (and every module its import map names) has a fingerprinted address, which the app's static asset endpoints
/// answer with a year-long immutable Cache-Control and send compressed. MudBlazor's own stylesheet and script were the two that went out
/// uncompressed (700 KB of a first visit's 770 KB).
/// </summary>
public sealed partial class StaticAssetsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Dashboard_LinksOnlyFingerprintedLongCachedCompressedAssets()
    {
        var assets = await AssetsOfAsync("/dashboard");

        Assert.Contains(assets, a => a.Contains("_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal) && a.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("_framework/blazor.web.", StringComparison.Ordinal));
        AssertLongCachedAndCompressed(assets);
    }

    [Fact]
    public async Task AssessmentPage_LinksAndImportsOnlyFingerprintedLongCachedCompressedAssets()
    {
        var assets = await AssetsOfAsync($"/assessments/{await DraftAssessmentAsync()}");

        Assert.Contains(assets, a => a.Contains("AssessmentWizard.", StringComparison.Ordinal) && a.EndsWith(".razor.js", StringComparison.Ordinal));
        AssertLongCachedAndCompressed(assets);
    }

    /// <summary>The addresses of the page's stylesheets, scripts and icon, and the modules its import map resolves to.</summary>
    private async Task<IReadOnlyList<string>> AssetsOfAsync(string path)
    {
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        using var client = await app.SignInAsync(analyst.Email, analyst.Password);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        var linked = LinkedAsset().Matches(html).Select(m => m.Groups["url"].Value).Where(u => u != "/").ToList();
        var importMap = JsonDocument.Parse(ImportMap().Match(html).Groups["json"].Value);
        var imported = importMap.RootElement.GetProperty("imports").EnumerateObject().Select(i => i.Value.GetString()!).ToList();
        Assert.NotEmpty(linked);
        Assert.NotEmpty(imported);
        return [.. linked.Concat(imported).Select(u => "/" + u.TrimStart('.', '/')).Distinct()];
    }

    /// <summary>
    /// Each asset's endpoints, as MapStaticAssets serves them from the app's endpoint manifest: a year-long immutable
    /// Cache-Control, and a Brotli or gzip variant chosen by the browser's Accept-Encoding.
    /// </summary>
    private static void AssertLongCachedAndCompressed(IReadOnlyList<string> assets)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DueDiligence.Web.staticwebassets.endpoints.json")));
        var endpoints = manifest.RootElement.GetProperty("Endpoints").EnumerateArray().ToList();
        foreach (var asset in assets)
        {
            Assert.Matches(Fingerprinted(), asset);
            var served = endpoints.Where(e => "/" + e.GetProperty("Route").GetString() == asset).ToList();
            Assert.NotEmpty(served);
            Assert.All(served, e => Assert.Equal("max-age=31536000, immutable", Header(e, "Cache-Control")));
            Assert.True(served.Any(e => Header(e, "Content-Encoding") is "br" or "gzip"), $"{asset} is only sent uncompressed ({Header(served[0], "Content-Length")} bytes)");
        }
    }

    private static string? Header(JsonElement endpoint, string name) =>
        endpoint.GetProperty("ResponseHeaders").EnumerateArray().Where(h => h.GetProperty("Name").GetString() == name).Select(h => h.GetProperty("Value").GetString()).FirstOrDefault();

    private async Task<Guid> DraftAssessmentAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Assessments.Where(a => a.Status == AssessmentStatus.Draft).Select(a => a.Id).FirstAsync();
    }

    [GeneratedRegex("""<(?:link[^>]*href|script[^>]*src)="(?<url>[^"]+)"[^>]*>""")]
    private static partial Regex LinkedAsset();

    [GeneratedRegex("""<script type="importmap"[^>]*>(?<json>.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex ImportMap();

    /// <summary>A name with its content's fingerprint before the extension: app.ce5n2sak6j.css, AssessmentWizard.voiqkto1zm.razor.js.</summary>
    [GeneratedRegex(@"\.[a-z0-9]{10}\.(?:razor\.js|styles\.css|css|js|svg)$")]
    private static partial Regex Fingerprinted();
}
