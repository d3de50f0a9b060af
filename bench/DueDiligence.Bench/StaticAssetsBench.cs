using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace DueDiligence.Bench;

/// <summary>
/// The static asset bytes a signed-in page costs the browser, on a first load (empty cache) and on a repeat load, in
/// Chromium against a running app (<c>--url</c>; start it as README says, with demo data). Bytes are what went over
/// the wire (headers and body, as the DevTools Network panel counts them); the page itself and the circuit's
/// connection are not static assets. Goal: a repeat load of the dashboard or an assessment &lt; 50 KB of static bytes.
/// </summary>
internal static class StaticAssetsBench
{
    private const int GoalBytes = 50 * 1024;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var baseUrl = (BenchArguments.Value(args, "--url") ?? "http://127.0.0.1:5000").TrimEnd('/');
        var email = BenchArguments.Value(args, "--email") ?? "analyst@demo.local";
        var password = BenchArguments.Value(args, "--password") ?? "Demo-Analyst-2026";
        Console.WriteLine($"Static assets of {baseUrl}, signed in as {email}");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchBrowser.LaunchAsync(playwright, BenchArguments.Value(args, "--chromium") ?? "/usr/bin/chromium");
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        await BenchBrowser.SignInAsync(page, email, password);
        var assessment = BenchArguments.Value(args, "--assessment") ?? await FirstAssessmentAsync(page);

        var network = await NetworkLog.StartAsync(context, page);
        var worstRepeat = 0L;
        foreach (var path in new[] { "/dashboard", assessment })
        {
            await network.ClearCacheAsync();
            var first = await network.LoadAsync(page, path);
            var repeat = await network.LoadAsync(page, path);
            Report($"{path} first load (empty cache)", first);
            Report($"{path} repeat load", repeat);
            worstRepeat = Math.Max(worstRepeat, repeat.Sum(r => r.Bytes));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Worst repeat load: {worstRepeat / 1024.0:F1} KB of static assets (goal < {GoalBytes / 1024} KB)"));
        return worstRepeat < GoalBytes ? 0 : 1;
    }

    /// <summary>The first assessment the assessment list links to.</summary>
    private static async Task<string> FirstAssessmentAsync(IPage page)
    {
        await page.GotoAsync("/assessments");
        var link = page.GetByTestId("assessment-link").First;
        await link.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        return new Uri(new Uri(page.Url), await link.GetAttributeAsync("href")).AbsolutePath;
    }

    private static void Report(string name, IReadOnlyList<AssetTransfer> transfers)
    {
        var fromCache = transfers.Count(t => t.FromCache);
        var notModified = transfers.Count(t => t.Status == 304);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {transfers.Sum(t => t.Bytes) / 1024.0:F1} KB of static assets in {transfers.Count} requests ({fromCache} from the browser's cache, {notModified} answered 304)"));
        foreach (var transfer in transfers.OrderByDescending(t => t.Bytes))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {transfer.Bytes / 1024.0,7:F1} KB  {(transfer.FromCache ? "cache" : transfer.Status.ToString(CultureInfo.InvariantCulture)),-5} {transfer.Encoding,-4} {transfer.Path}  [{transfer.CacheControl}]"));
        }
    }

    private sealed record AssetTransfer(string Path, int Status, bool FromCache, long Bytes, string Encoding, string CacheControl);

    /// <summary>Chromium's own account of each request (DevTools Protocol Network domain), for one page load at a time.</summary>
    private sealed class NetworkLog
    {
        private readonly ICDPSession _session;
        private readonly Dictionary<string, (string Url, string Type)> _requests = [];
        private readonly Dictionary<string, (int Status, string Encoding, string CacheControl)> _responses = [];
        private readonly HashSet<string> _fromCache = [];
        private readonly Dictionary<string, long> _finished = [];
        private readonly Lock _lock = new();

        private NetworkLog(ICDPSession session) => _session = session;

        public static async Task<NetworkLog> StartAsync(IBrowserContext context, IPage page)
        {
            var log = new NetworkLog(await context.NewCDPSessionAsync(page));
            log._session.Event("Network.requestWillBeSent").OnEvent += (_, e) => log.On(e, (id, json) =>
                log._requests[id] = (json.GetProperty("request").GetProperty("url").GetString()!, json.TryGetProperty("type", out var type) ? type.GetString()! : ""));
            log._session.Event("Network.responseReceived").OnEvent += (_, e) => log.On(e, (id, json) =>
            {
                var response = json.GetProperty("response");
                var headers = response.GetProperty("headers");
                log._responses[id] = (response.GetProperty("status").GetInt32(), Header(headers, "content-encoding"), Header(headers, "cache-control"));
                if (response.TryGetProperty("fromDiskCache", out var disk) && disk.GetBoolean())
                {
                    log._fromCache.Add(id);
                }
            });
            log._session.Event("Network.requestServedFromCache").OnEvent += (_, e) => log.On(e, (id, _) => log._fromCache.Add(id));
            log._session.Event("Network.loadingFinished").OnEvent += (_, e) => log.On(e, (id, json) => log._finished[id] = (long)json.GetProperty("encodedDataLength").GetDouble());
            await log._session.SendAsync("Network.enable");
            return log;
        }

        public Task ClearCacheAsync() => _session.SendAsync("Network.clearBrowserCache");

        /// <summary>Goes to the page and waits until its circuit has rendered and the network is quiet; returns the static assets it loaded.</summary>
        public async Task<IReadOnlyList<AssetTransfer>> LoadAsync(IPage page, string path)
        {
            lock (_lock)
            {
                _requests.Clear();
                _responses.Clear();
                _fromCache.Clear();
                _finished.Clear();
            }

            await page.GotoAsync(path);
            await page.Locator("main[data-interactive]").WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            lock (_lock)
            {
                return _requests
                    .Where(r => r.Value.Type is not ("Document" or "WebSocket") && !new Uri(r.Value.Url).AbsolutePath.StartsWith("/_blazor", StringComparison.Ordinal))
                    .Where(r => _finished.ContainsKey(r.Key))
                    .Select(r =>
                    {
                        var response = _responses.GetValueOrDefault(r.Key);
                        return new AssetTransfer(new Uri(r.Value.Url).AbsolutePath, response.Status, _fromCache.Contains(r.Key), _finished[r.Key], response.Encoding ?? "", response.CacheControl ?? "");
                    })
                    .ToList();
            }
        }

        private void On(JsonElement? e, Action<string, JsonElement> handle)
        {
            if (e is not { } json)
            {
                return;
            }

            lock (_lock)
            {
                handle(json.GetProperty("requestId").GetString()!, json);
            }
        }

        private static string Header(JsonElement headers, string name) =>
            headers.EnumerateObject().FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } value
                ? value.GetString()!
                : "";
    }
}
