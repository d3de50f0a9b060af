using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>One app process and one headless Chromium shared by every end-to-end test.</summary>
public sealed class E2EFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> _sessions = [];
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
    public Task<IPage> NewPageAsync(ViewportSize? viewport = null) => NewPageAsync(viewport, storageState: null);

    /// <summary>
    /// A fresh browser context signed in as the demo user of this role, on the session of the role's first sign-in in
    /// this run: a sign-in costs a second or two, paid once per role instead of once per test. For tests that read, and
    /// neither sign out nor change the demo user (the session then ends for every context that shares it).
    /// </summary>
    public async Task<IPage> NewSignedInPageAsync(string role, ViewportSize? viewport = null)
    {
        if (_sessions.TryGetValue(role, out var session))
        {
            return await NewPageAsync(viewport, session);
        }

        var page = await NewPageAsync(viewport);
        var login = DemoLogins.For(role);
        await page.SignInAsync(login.Email, login.Password);
        _sessions[role] = await page.Context.StorageStateAsync();
        return page;
    }

    private async Task<IPage> NewPageAsync(ViewportSize? viewport, string? storageState)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = viewport ?? new ViewportSize { Width = 1366, Height = 900 },
            AcceptDownloads = true,
            StorageState = storageState,
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
