using System.Diagnostics;
using System.Net;
using DueDiligence.EndToEnd.Infrastructure;

namespace DueDiligence.EndToEnd.Deployment;

/// <summary>
/// Debian's nginx run by the test itself (not the system service), in the foreground, on the shipped configuration
/// (<see cref="ShippedNginxConfig"/>) written into the test's folder with its logs.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _folder;

    private NginxProcess(Process process, string folder, int httpPort, int httpsPort)
    {
        _process = process;
        _folder = folder;
        HttpUrl = $"http://127.0.0.1:{httpPort}";
        BaseUrl = $"https://127.0.0.1:{httpsPort}";
    }

    /// <summary>Where browsers go: TLS on 127.0.0.1.</summary>
    public string BaseUrl { get; }

    /// <summary>The plain-HTTP port, which only redirects to https.</summary>
    public string HttpUrl { get; }

    public static async Task<NginxProcess> StartAsync(string folder, IReadOnlyList<int> appPorts, SelfSignedCertificate certificate, string proxyAddress)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"nginx is not installed at {Executable}: run scripts/setup.sh (it installs Debian's nginx).");
        }

        int httpPort = LoopbackPort.Free(), httpsPort = LoopbackPort.Free();
        var configFile = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(configFile, ShippedNginxConfig.ForLoopback(folder, appPorts, httpPort, httpsPort, certificate, proxyAddress));
        var start = new ProcessStartInfo(Executable, ["-e", Path.Combine(folder, "error.log"), "-c", configFile, "-g", $"daemon off; pid {folder}/nginx.pid;"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var nginx = new NginxProcess(Process.Start(start)!, folder, httpPort, httpsPort);
        await nginx.WaitUntilServingAsync(certificate, TimeSpan.FromSeconds(20));
        return nginx;
    }

    /// <summary>The access log's entries so far (nginx writes each when its request ends; a WebSocket's when it closes).</summary>
    public IReadOnlyList<ProxyAccessLog.Entry> AccessLog() => ProxyAccessLog.Read(Path.Combine(_folder, "access.log"));

    private string ErrorLog()
    {
        var path = Path.Combine(_folder, "error.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(no error log)";
    }

    private async Task WaitUntilServingAsync(SelfSignedCertificate certificate, TimeSpan timeout)
    {
        using var client = HttpSessions.ThroughProxy(certificate, new CookieContainer());
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with code {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()}\n{ErrorLog()}");
            }

            try
            {
                if ((await client.GetAsync($"{BaseUrl}/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"nginx did not serve the app's health check within {timeout}:\n{ErrorLog()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
