using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DueDiligence.EndToEnd.Infrastructure;

namespace DueDiligence.EndToEnd.ScaleOut;

/// <summary>
/// One instance of the published app among several on one database: its own name, port and data folder, the settings
/// the instances share (database, evidence folder) given by the caller. It can be stopped and started again.
/// </summary>
public sealed class InstanceProcess : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public InstanceProcess(string name, IReadOnlyDictionary<string, string> sharedEnvironment)
    {
        Name = name;
        DataDirectory = Path.Combine(Path.GetTempPath(), "dd-e2e", $"{name}-{Guid.NewGuid():N}");
        _environment = new Dictionary<string, string>(sharedEnvironment)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DataDirectory"] = DataDirectory,
            ["Instance__Name"] = name,
            ["DemoData__Enabled"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
        };
    }

    public string Name { get; }

    public string DataDirectory { get; }

    public string BaseUrl { get; private set; } = "";

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

    /// <summary>Starts the process on a free port and waits until it reports healthy.</summary>
    public async Task StartAsync()
    {
        var executable = RepositoryPaths.AppExecutable;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"The app is not published at {executable}: run scripts/test.sh, or dotnet publish the Web project to artifacts/app.");
        }

        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo(executable, ["--urls", BaseUrl])
        {
            WorkingDirectory = Path.GetDirectoryName(executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilHealthyAsync(_process, TimeSpan.FromSeconds(120));
    }

    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine($"[{Name}] {line}");
        }
    }

    private async Task WaitUntilHealthyAsync(Process process, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Instance {Name} exited with code {process.ExitCode} while starting:\n{Output}");
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

        throw new TimeoutException($"Instance {Name} did not report healthy within {timeout}:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
