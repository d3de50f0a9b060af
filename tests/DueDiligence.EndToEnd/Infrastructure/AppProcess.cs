using System.Diagnostics;
using System.Net;
using System.Text;

namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>
/// The real app started as a process on a free loopback port with demo data: on a fresh data directory of its own, or
/// on one shared with other instances (which outlives it).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly bool _ownsDataDirectory;

    private AppProcess(Process process, string baseUrl, string dataDirectory, bool ownsDataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public string BaseUrl { get; }

    public string DataDirectory { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings) =>
        StartAsync(Path.Combine(Path.GetTempPath(), "dd-e2e", Guid.NewGuid().ToString("N")), ownsDataDirectory: true, settings);

    /// <summary>An instance on a data directory that others share; <paramref name="settings"/> are added to its environment.</summary>
    public static Task<AppProcess> StartSharedAsync(string dataDirectory, IReadOnlyDictionary<string, string> settings) =>
        StartAsync(dataDirectory, ownsDataDirectory: false, settings);

    private static async Task<AppProcess> StartAsync(string dataDirectory, bool ownsDataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var executable = RepositoryPaths.AppExecutable;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"The app is not published at {executable}: run scripts/test.sh, or dotnet publish the Web project to artifacts/app.");
        }

        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo(executable, ["--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DataDirectory"] = dataDirectory;
        start.Environment["DemoData__Enabled"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Every browser of the run signs in from loopback: limits no journey reaches.
        foreach (var limit in new[] { "AnonymousPerIp", "SignInPerIp", "SignInPerAccount" })
        {
            start.Environment[$"RateLimits__{limit}__PermitLimit"] = "1000000";
        }
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var app = new AppProcess(Process.Start(start)!, $"http://127.0.0.1:{port}", dataDirectory, ownsDataDirectory);
        app._process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        return app;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} while starting:\n{Output}");
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
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app did not report healthy within {timeout}:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_ownsDataDirectory && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
