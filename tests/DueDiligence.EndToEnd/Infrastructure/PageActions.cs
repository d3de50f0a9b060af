using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>Steps a user takes often, written once.</summary>
public static class PageActions
{
    private static readonly Regex SignInAddress = new("/account/login");

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        try
        {
            // Until the browser is at the next page's address, and no longer: what a test does next waits for what it needs.
            // Not WaitForURL: once the address matches it still waits for a load event, which in CI (stops 33 and 40) was
            // sometimes never reported for the page after sign-in, with the network idle.
            await Assertions.Expect(page).Not.ToHaveURLAsync(SignInAddress, new() { Timeout = 20_000 });
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            // Says where the browser stands (the sign-in page with its message, an error page) in the test's output.
            throw new TimeoutException($"Signing in as {email} did not leave the sign-in page: the browser is at {page.Url}.", e);
        }
    }

    /// <summary>Waits until the interactive circuit has rendered the page, so that clicks reach .NET.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("main[data-interactive]").WaitForAsync();

    /// <summary>
    /// Waits until the circuit has rendered the page and the page has loaded its data (docs/ui.md), and the document its
    /// stylesheets and images. Not "network idle": that waits half a second after the last request on every page.
    /// </summary>
    public static async Task WaitForPageReadyAsync(this IPage page)
    {
        await page.WaitForCircuitAsync();
        await page.GetByTestId("page-loading").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public static async Task ScreenshotAsync(this IPage page, string name, bool fullPage = true) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts("screenshots"), name + ".png"), FullPage = fullPage });
}
