using System.Security.Cryptography;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DueDiligence.Bench;

/// <summary>
/// The database the database benchmarks run on: <c>--provider sqlite</c> (the default: a file in the temporary data
/// directory) or <c>--provider postgres</c>, on the server whose socket folder <c>--postgres-socket</c> or
/// <c>TEST_POSTGRES_SOCKET</c> names (scripts/postgres.sh start prints one); each run gets a database of its own.
/// </summary>
internal sealed class BenchDatabase
{
    private const string SocketVariable = "TEST_POSTGRES_SOCKET";
    private readonly string? _socketFolder;

    private BenchDatabase(DatabaseProvider provider, string? socketFolder)
    {
        Provider = provider;
        _socketFolder = socketFolder;
    }

    public DatabaseProvider Provider { get; }

    public static BenchDatabase FromArguments(IReadOnlyList<string> args)
    {
        var provider = BenchArguments.Value(args, "--provider") ?? "sqlite";
        if (provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new BenchDatabase(DatabaseProvider.Sqlite, null);
        }

        if (!provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"--provider '{provider}' is not known: use sqlite or postgres.");
        }

        var socket = BenchArguments.Value(args, "--postgres-socket") ?? Environment.GetEnvironmentVariable(SocketVariable);
        return string.IsNullOrWhiteSpace(socket)
            ? throw new ArgumentException($"--provider postgres needs the server's socket folder: --postgres-socket DIR or {SocketVariable} (scripts/postgres.sh start prints it).")
            : new BenchDatabase(DatabaseProvider.Postgres, socket);
    }

    /// <summary>Creates a fresh database and returns the app's settings for it.</summary>
    public IReadOnlyDictionary<string, string> Create()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return new Dictionary<string, string> { ["Database:Provider"] = nameof(DatabaseProvider.Sqlite) };
        }

        var name = $"dd_bench_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE {name}");
        return new Dictionary<string, string>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
            ["ConnectionStrings:App"] = new NpgsqlConnectionStringBuilder { Host = _socketFolder, Database = name, Username = "postgres" }.ToString(),
            // A server database keeps the audit chain's key outside it (docs/deployment.md); this run's own.
            ["Audit:ChainKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
    }

    /// <summary>Removes what <see cref="Create"/> made (the data directory is the app's).</summary>
    public void Drop(IReadOnlyDictionary<string, string> settings)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(settings["ConnectionStrings:App"]).Database;
        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder { Host = _socketFolder, Database = "postgres", Username = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
