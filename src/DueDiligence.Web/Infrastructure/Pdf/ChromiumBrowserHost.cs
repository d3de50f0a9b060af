using System.Collections.Concurrent;

using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace DueDiligence.Web.Infrastructure.Pdf;

/// <summary>
/// The one headless Chromium shared by all PDF jobs, launched on first use and relaunched on the next use after it
/// died, and its idle print pages.
/// </summary>
public sealed class ChromiumBrowserHost(IOptions<PdfOptions> options, ILogger<ChromiumBrowserHost> logger) : IAsyncDisposable
{
    public const string NotInstalledMessage =
        "PDF reports need Chromium, which is not installed on this server. " +
        "Install the Debian package chromium (./scripts/setup.sh does it) and try again.";

    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private const float LaunchTimeoutMilliseconds = 30_000;

    // Reports are self-contained HTML: no scripts to run, nothing to fetch.
    private static readonly BrowserNewContextOptions PageContextOptions = new() { JavaScriptEnabled = false, Offline = true };

    private readonly PdfOptions _options = options.Value;
    private readonly SemaphoreSlim _launchLock = new(1, 1);

    // A new page costs a renderer process and a slow first print (~0.3–0.5 s); a reused one prints in ~0.1 s.
    private readonly ConcurrentQueue<IPage> _idlePages = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private int _launches;
    private bool _disposed;

    /// <summary>How many times a browser was launched; more than one means it died and was replaced.</summary>
    public int Launches => Volatile.Read(ref _launches);

    /// <summary>The running browser, launching it first if there is none or the last one died.</summary>
    public async Task<IBrowser> GetBrowserAsync(CancellationToken cancellationToken)
    {
        // The hot path takes no lock: a connected browser is simply reused.
        var current = Volatile.Read(ref _browser);
        if (current is { IsConnected: true })
        {
            return current;
        }

        await _launchLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // Another caller may have launched it while this one waited for the lock.
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            if (_browser is not null)
            {
                await CloseQuietlyAsync(_browser);
                _browser = null;
            }

            // Pages of the dead browser are useless; RentPageAsync would skip them anyway.
            _idlePages.Clear();
            var browser = await LaunchAsync();
            Volatile.Write(ref _browser, browser);
            return browser;
        }
        finally
        {
            _launchLock.Release();
        }
    }

    /// <summary>
    /// A page to print on, in its own browser context: an idle one of the running browser, or a new one.
    /// Hand it back with <see cref="ReturnPageAsync"/>.
    /// </summary>
    public async Task<IPage> RentPageAsync(CancellationToken cancellationToken)
    {
        var browser = await GetBrowserAsync(cancellationToken);
        while (_idlePages.TryDequeue(out var idle))
        {
            if (!idle.IsClosed && ReferenceEquals(idle.Context.Browser, browser) && browser.IsConnected)
            {
                return idle;
            }

            await ClosePageQuietlyAsync(idle);
        }

        var context = await browser.NewContextAsync(PageContextOptions);
        context.SetDefaultTimeout(_options.TimeoutSeconds * 1000f);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Keeps the page for the next job if it finished its job cleanly; otherwise closes it, so that a page in an unknown
    /// state (half-loaded, possibly still showing the previous report) is never printed again.
    /// </summary>
    public async Task ReturnPageAsync(IPage page, bool reusable)
    {
        if (_disposed)
        {
            return; // closing the browser closed the page
        }

        if (reusable && !page.IsClosed && page.Context.Browser is { IsConnected: true }
            && _idlePages.Count < _options.Concurrency)
        {
            _idlePages.Enqueue(page);
            return;
        }

        await ClosePageQuietlyAsync(page);
    }

    private async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(_options.ChromiumPath))
        {
            logger.LogError("Chromium was not found at {ChromiumPath}; PDF reports are unavailable.", _options.ChromiumPath);
            throw new PdfUnavailableException(NotInstalledMessage);
        }

        try
        {
            _playwright ??= await Playwright.CreateAsync();
            var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = _options.ChromiumPath,
                Headless = true,
                Args = LaunchArgs,
                // Independent of the job timeout: a job may stop waiting, but the launch finishes for the next one.
                Timeout = LaunchTimeoutMilliseconds,
            });
            browser.Disconnected += OnDisconnected;
            var launches = Interlocked.Increment(ref _launches);
            logger.LogInformation("Chromium {Version} started for PDF reports (launch {Launches}).", browser.Version, launches);
            return browser;
        }
        catch (Exception ex) when (ex is not PdfUnavailableException)
        {
            logger.LogError(ex, "Chromium at {ChromiumPath} could not be started.", _options.ChromiumPath);

            // The Playwright driver may be the broken part; start it afresh next time.
            _playwright?.Dispose();
            _playwright = null;
            throw new PdfUnavailableException(
                $"PDF reports are unavailable because Chromium ({_options.ChromiumPath}) could not be started: {FirstLine(ex.Message)} " +
                "Check that the Debian package chromium is installed completely (./scripts/setup.sh) and that the server has free memory, then try again.",
                ex);
        }
    }

    private void OnDisconnected(object? sender, IBrowser browser)
    {
        // Nothing to do here: the next GetBrowserAsync sees IsConnected == false and launches a new one.
        if (!_disposed)
        {
            logger.LogWarning("Chromium for PDF reports disconnected; it will be relaunched on next use.");
        }
    }

    private async Task CloseQuietlyAsync(IBrowser browser)
    {
        browser.Disconnected -= OnDisconnected;
        try
        {
            await browser.CloseAsync();
        }
        catch (PlaywrightException ex)
        {
            // A dead browser cannot be closed politely; its process is already gone.
            logger.LogDebug(ex, "Closing the previous Chromium failed.");
        }
    }

    private async Task ClosePageQuietlyAsync(IPage page)
    {
        try
        {
            // Each page has a context of its own; closing the context closes the page too.
            await page.Context.CloseAsync();
        }
        catch (PlaywrightException ex)
        {
            logger.LogDebug(ex, "Closing a PDF page failed; its browser is gone already.");
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        var line = (end < 0 ? message : message[..end]).Trim();
        return line.EndsWith('.') ? line : line + ".";
    }

    public async ValueTask DisposeAsync()
    {
        await _launchLock.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _idlePages.Clear();
            if (_browser is not null)
            {
                await CloseQuietlyAsync(_browser);
                _browser = null;
            }

            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _launchLock.Release();
        }
    }
}
