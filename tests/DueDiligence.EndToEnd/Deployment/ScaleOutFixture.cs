using System.Net;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Deployment;

/// <summary>
/// Two app instances on one shared data folder (database file and data-protection keys) behind Debian's nginx on the
/// shipped configuration, with TLS on a certificate made for the run; and a headless Chromium. Apart from the
/// end-to-end fixture, so that its app stays alone.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    /// <summary>
    /// nginx connects to the instances from this loopback address, the only one they trust for forwarded headers;
    /// clients connect from 127.0.0.1. So an instance that logs 127.0.0.1 for a request through nginx read
    /// X-Forwarded-For, and one that logs 127.0.0.1 for a request straight from a client ignored a forged one.
    /// </summary>
    public const string ProxyAddress = "127.0.0.2";

    public const string ClientAddress = "127.0.0.1";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dd-scale-out", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public AppProcess InstanceA { get; private set; } = default!;

    public AppProcess InstanceB { get; private set; } = default!;

    public NginxProcess Proxy { get; private set; } = default!;

    public SelfSignedCertificate Certificate { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public IReadOnlyList<AppProcess> Instances => [InstanceA, InstanceB];

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        Directory.CreateDirectory(_folder);
        var data = Path.Combine(_folder, "data");
        var settings = new Dictionary<string, string>
        {
            ["ForwardedHeaders__KnownProxies__0"] = ProxyAddress,
            // The sign-in log says from which address each sign-in came.
            ["Logging__LogLevel__DueDiligence.Web.Features.Account"] = "Information",
            // A hidden tab's page pauses after a second (ScaleOutTests resume one on the other instance).
            ["Circuits__PauseHiddenPageAfterSeconds"] = "1",
        };

        // One after the other: the first creates the database, the demo data and the key ring; the second finds them.
        InstanceA = await AppProcess.StartSharedAsync(data, settings);
        InstanceB = await AppProcess.StartSharedAsync(data, settings);
        Certificate = SelfSignedCertificate.WriteTo(_folder);
        Proxy = await NginxProcess.StartAsync(_folder, [PortOf(InstanceA), PortOf(InstanceB)], Certificate, ProxyAddress);
        _playwright = await Playwright.CreateAsync();
        Browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    /// <summary>The instance that nginx's access log names as upstream (host:port).</summary>
    public AppProcess InstanceAt(string upstream) =>
        Instances.SingleOrDefault(i => upstream == $"127.0.0.1:{PortOf(i)}")
        ?? throw new InvalidOperationException($"nginx sent a request to {upstream}, which is neither instance.");

    /// <summary>A browser session through nginx; the certificate is the test's own, so its errors are ignored.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Proxy.BaseUrl,
            IgnoreHTTPSErrors = true,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>An HTTP session through nginx, with its cookies.</summary>
    public (HttpClient Client, CookieContainer Cookies) NewSession()
    {
        var cookies = new CookieContainer();
        return (HttpSessions.ThroughProxy(Certificate, cookies), cookies);
    }

    private static int PortOf(AppProcess instance) => new Uri(instance.BaseUrl).Port;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var part in new IAsyncDisposable?[] { Proxy, InstanceB, InstanceA })
        {
            if (part is not null)
            {
                await part.DisposeAsync();
            }
        }

        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<ScaleOutFixture>
{
    public const string Name = "scale-out";
}
