using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

/// <summary>
/// The app works under its own Content-Security-Policy in a real browser: signing in, the dashboard, a MudBlazor select's
/// popover, the supplier form's country picker and the assessment wizard raise no CSP violation and write no error or
/// warning to the console. The published app on Kestrel names no server.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ContentSecurityPolicyTests(E2EFixture fixture)
{
    [Fact]
    public async Task AnalystsJourney_RaisesNoPolicyViolation_AndNoConsoleError()
    {
        var page = await fixture.NewPageAsync();
        var problems = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Enqueue($"console {message.Type} on {page.Url}: {message.Text}");
            }
        };
        await page.ExposeFunctionAsync("reportPolicyViolation", (string violation) => problems.Enqueue($"CSP violation on {page.Url}: {violation}"));
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                window.reportPolicyViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`));
            """);

        var login = await page.GotoAsync("/account/login");
        var headers = await login!.AllHeadersAsync();
        Assert.Contains("script-src 'self' 'nonce-", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.False(headers.ContainsKey("server"), $"Kestrel names itself: {headers.GetValueOrDefault("server")}");

        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await page.WaitForPageReadyAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Suppliers", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/suppliers$"));
        await page.WaitForPageReadyAsync();
        await page.GetByTestId("jurisdiction-filter").ChooseAsync("High");
        await Assertions.Expect(page.GetByTestId("jurisdiction-filter")).ToHaveValueAsync("High");

        // The supplier form (country pickers: MudAutocomplete popovers), then the wizard on a second section.
        await page.StartAssessmentOfNewSupplierAsync($"Tartu Castings {Guid.NewGuid():N}"[..29]);
        await page.GetByTestId("step-LL").ClickAsync();
        await Assertions.Expect(page.GetByTestId("section-LL")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("section-LL")).ToBeVisibleAsync();

        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }
}
