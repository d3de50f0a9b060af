using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace DueDiligence.Bench;

/// <summary>
/// The published app (artifacts/app) started as a process of its own on a free loopback port, with demo data in a
/// temporary data directory: measured from outside, as a real server is, so that nothing of the benchmark is in its heap.
/// </summary>
internal sealed class PublishedApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private PublishedApp(Process process, string baseUrl, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        _dataDirectory = dataDirectory;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    public static async Task<PublishedApp> StartAsync(string executable, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"The app is not published at {executable}: dotnet publish src/DueDiligence.Web -c Debug -o artifacts/app (or pass --app).");
        }

        var port = FreePort();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "dd-bench", Guid.NewGuid().ToString("N"));
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
        // Every page of the benchmark comes from loopback, as one user: limits a benchmark must not reach.
        foreach (var limit in new[] { "AnonymousPerIp", "SignInPerIp", "SignInPerAccount" })
        {
            start.Environment[$"RateLimits__{limit}__PermitLimit"] = "1000000";
        }

        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"app: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new PublishedApp(process, $"http://127.0.0.1:{port}", dataDirectory);
        await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
        return app;
    }

    /// <summary>The most recent assessment in this workflow status, read from the app's database file.</summary>
    public async Task<Guid> AssessmentAsync(string status) =>
        await ReadIdAsync("SELECT Id FROM Assessments WHERE Status = $value ORDER BY CreatedAtUtc DESC LIMIT 1", status)
        ?? throw new InvalidOperationException($"The demo data has no assessment in status {status}.");

    /// <summary>The supplier that this assessment is of.</summary>
    public async Task<Guid> SupplierOfAsync(Guid assessment) =>
        await ReadIdAsync("SELECT SupplierId FROM Assessments WHERE Id = $value", assessment.ToString().ToUpperInvariant())
        ?? throw new InvalidOperationException($"No assessment {assessment}.");

    private async Task<Guid?> ReadIdAsync(string query, string value)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_dataDirectory, "duediligence.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        command.Parameters.AddWithValue("$value", value);
        return await command.ExecuteScalarAsync() is string id ? Guid.Parse(id) : null;
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} while starting.");
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

        throw new TimeoutException($"The app did not report healthy within {timeout}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
