using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>Debian's Chromium, headless, with nothing of its own going on in the background (no network, no updates).</summary>
public static class HeadlessChromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
}
