using DueDiligence.Web.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Npgsql;

namespace DueDiligence.EndToEnd.ScaleOut;

/// <summary>
/// Two processes of the published app on one fresh PostgreSQL database (on the server named by TEST_POSTGRES_SOCKET)
/// and one shared evidence folder, started together; and a headless Chromium to drive them. Without a server it
/// starts nothing: the tests are skipped (<see cref="PostgresFactAttribute"/>).
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    private readonly string? _socketFolder = Environment.GetEnvironmentVariable(PostgresFactAttribute.SocketVariable);
    private readonly string _database = $"dd_scaleout_{Guid.NewGuid():N}";
    private readonly string _evidenceRoot = Path.Combine(Path.GetTempPath(), "dd-e2e", $"shared-evidence-{Guid.NewGuid():N}");
    private readonly string _checkpointFolder = Path.Combine(Path.GetTempPath(), "dd-e2e", $"shared-checkpoints-{Guid.NewGuid():N}");
    private readonly byte[] _chainKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public InstanceProcess A { get; private set; } = default!;

    public InstanceProcess B { get; private set; } = default!;

    private string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = _socketFolder,
        Database = _database,
        Username = "postgres",
    }.ToString();

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(_socketFolder))
        {
            return;
        }

        Assertions.SetDefaultExpectTimeout(20_000);
        await ExecuteOnServerAsync($"CREATE DATABASE {_database}");
        Directory.CreateDirectory(_evidenceRoot);
        var shared = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__App"] = ConnectionString,
            ["Evidence__Root"] = _evidenceRoot,
            // One key and one checkpoint folder for both instances, as docs/deployment.md asks.
            ["Audit__ChainKey"] = Convert.ToBase64String(_chainKey),
            ["Audit__CheckpointFolder"] = _checkpointFolder,
        };
        A = new InstanceProcess("scale-out-a", shared);
        B = new InstanceProcess("scale-out-b", shared);
        // Both start on the empty database at once: the app serialises migrations and demo data itself.
        await Task.WhenAll(A.StartAsync(), B.StartAsync());

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
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

    /// <summary>A fresh browser context (own cookies) with a page on <paramref name="instance"/>.</summary>
    public async Task<IPage> NewPageAsync(InstanceProcess instance)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = instance.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>The chain rules with the instances' key, to verify the chain they wrote.</summary>
    public DueDiligence.Domain.Auditing.AuditChainSigner ChainSigner => new(_chainKey);

    /// <summary>The shared database, read as the app's own model sees it (no interceptors: for checks only).</summary>
    public PostgresAppDbContext OpenDatabase() =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString).Options);

    private async Task ExecuteOnServerAsync(string sql)
    {
        var server = new NpgsqlConnectionStringBuilder { Host = _socketFolder, Database = "postgres", Username = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (string.IsNullOrWhiteSpace(_socketFolder))
        {
            return;
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Task.WhenAll(DisposeIfStarted(A), DisposeIfStarted(B));
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        foreach (var folder in new[] { _evidenceRoot, _checkpointFolder }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task DisposeIfStarted(InstanceProcess? instance)
    {
        if (instance is not null)
        {
            await instance.DisposeAsync();
        }
    }
}
