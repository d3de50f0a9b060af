using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

/// <summary>
/// An analyst makes an API token on its page, the token reads the register over HTTP, the analyst revokes it and it no
/// longer does; the API reference page renders in the browser under the app's CSP, with no violation or console error.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ApiTokenJourneyTests(E2EFixture fixture)
{
    [Fact]
    public async Task Analyst_MakesUsesAndRevokesAToken_AndReadsTheReference()
    {
        var page = await fixture.NewPageAsync();
        var problems = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error")
            {
                problems.Enqueue($"console {message.Type} on {page.Url}: {message.Text}");
            }
        };
        await page.ExposeFunctionAsync("reportPolicyViolation", (string violation) => problems.Enqueue($"CSP violation on {page.Url}: {violation}"));
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                window.reportPolicyViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
            """);
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await page.WaitForPageReadyAsync();

        await page.GetByTestId("api-tokens-link").ClickAsync();
        await page.WaitForURLAsync(new Regex("/account/api-tokens$"));
        await page.WaitForPageReadyAsync();
        await page.GetByTestId("token-name").FillAsync("ERP sync");
        await page.GetByTestId("scope-suppliers:read").ClickAsync();
        await page.GetByTestId("create-token").ClickAsync();
        var secret = (await page.GetByTestId("new-token-secret").InnerTextAsync()).Trim();
        Assert.StartsWith("ddpat_", secret, StringComparison.Ordinal);
        await page.ScreenshotAsync("api-tokens-made");

        using var api = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/suppliers?limit=5")).StatusCode);

        await page.GetByTestId("new-token-done").ClickAsync();
        await page.GetByTestId("revoke-token").First.ClickAsync();
        await page.ConfirmAsync();
        await Assertions.Expect(page.GetByTestId("token-state").First).ToContainTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/suppliers?limit=5")).StatusCode);

        await page.GotoAsync("/api/reference");
        await Assertions.Expect(page.GetByText("DueDiligence API").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("/api/v1/suppliers").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("api-reference");

        Assert.True(problems.IsEmpty, string.Join(Environment.NewLine, problems));
        await page.Context.CloseAsync();
    }
}
