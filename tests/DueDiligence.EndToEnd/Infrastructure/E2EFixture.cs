using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>One app process and one headless Chromium shared by every end-to-end test.</summary>
public sealed class E2EFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public AppProcess App { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // The circuit answers within milliseconds on a quiet machine; on a loaded one a dialog or a saved state can take
        // seconds: assertions wait as long as actions do.
        Assertions.SetDefaultExpectTimeout(20_000);
        // A hidden tab's page pauses its circuit after a second, not two minutes (HiddenTabTests hide theirs; a headless
        // page is never hidden otherwise).
        App = await AppProcess.StartAsync(new Dictionary<string, string> { ["Circuits__PauseHiddenPageAfterSeconds"] = "1" });
        _playwright = await Playwright.CreateAsync();
        Browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    /// <summary>A fresh browser context (own cookies) with a page on the app; a laptop's screen unless a viewport is given.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = viewport ?? new ViewportSize { Width = 1366, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
        // The app's own log (warnings and errors) beside the test results, to read when a journey failed.
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts("test-results"), "DueDiligence.EndToEnd.app.log"), App.Output);
    }
}

[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<E2EFixture>
{
    public const string Name = "end-to-end";
}
