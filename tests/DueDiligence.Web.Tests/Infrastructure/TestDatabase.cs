using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>
/// The database engine a test app runs on: SQLite (the default); PostgreSQL when <c>TEST_DATABASE=postgres</c>, on the
/// server whose socket folder <c>TEST_POSTGRES_SOCKET</c> names (scripts/test.sh starts one with scripts/postgres.sh);
/// SQL Server when <c>TEST_DATABASE=sqlserver</c>, on the server <c>SQLSERVER_TEST_CONNECTION</c> connects to (a login
/// that may create databases). Every test app gets a database of its own. One with demo data is a copy of what was seeded
/// once per test run: on SQLite the whole data folder, on PostgreSQL a template database and its evidence files; on SQL
/// Server the app seeds it.
/// </summary>
public abstract class TestDatabase
{
    public static TestDatabase Sqlite { get; } = new SqliteTestDatabase(fromTemplate: true);

    /// <summary>SQLite whose demo data the app seeds as it starts, for a test of what the first start writes (the chain key, Evidence:Root).</summary>
    public static TestDatabase SqliteSeededAtStart { get; } = new SqliteTestDatabase(fromTemplate: false);

    /// <summary>The engine of this test run.</summary>
    public static TestDatabase Current { get; } = FromEnvironment();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>
    /// The audit chain key of every test app on a server database (one per test run): a server database needs one
    /// configured, and the PostgreSQL template's events are chained with it.
    /// </summary>
    public static string ServerChainKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>Creates the database of one test app whose data folder is <paramref name="dataDirectory"/>; returns the app's settings for it.</summary>
    public abstract IReadOnlyDictionary<string, string?> Create(string dataDirectory, bool withDemoData);

    /// <summary>Removes what <see cref="Create"/> made (the data folder is the caller's).</summary>
    public abstract void Drop(IReadOnlyDictionary<string, string?> settings);

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed class SeedingApp(string dataDirectory, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("DataDirectory", dataDirectory);
            builder.UseSetting("DemoData:Enabled", "true");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    private static TestDatabase FromEnvironment()
    {
        var chosen = Environment.GetEnvironmentVariable("TEST_DATABASE");
        if (string.IsNullOrWhiteSpace(chosen) || chosen.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return Sqlite;
        }

        if (chosen.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            var socket = Environment.GetEnvironmentVariable("TEST_POSTGRES_SOCKET");
            return string.IsNullOrWhiteSpace(socket)
                ? throw new InvalidOperationException("TEST_DATABASE=postgres needs TEST_POSTGRES_SOCKET: the folder scripts/postgres.sh start printed.")
                : new PostgresTestDatabase(socket);
        }

        if (chosen.Equals("sqlserver", StringComparison.OrdinalIgnoreCase))
        {
            var connection = Environment.GetEnvironmentVariable("SQLSERVER_TEST_CONNECTION");
            return string.IsNullOrWhiteSpace(connection)
                ? throw new InvalidOperationException("TEST_DATABASE=sqlserver needs SQLSERVER_TEST_CONNECTION: a connection string to a server where the login may create databases.")
                : new SqlServerTestDatabase(connection);
        }

        throw new InvalidOperationException($"TEST_DATABASE '{chosen}' is not known: use sqlite, postgres or sqlserver.");
    }

    private sealed class SqliteTestDatabase(bool fromTemplate) : TestDatabase
    {
        private static readonly Dictionary<string, string?> Settings = new() { ["Database:Provider"] = nameof(DatabaseProvider.Sqlite) };

        private static readonly Lazy<string> Template = new(SeedTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        /// <summary>
        /// An app with demo data starts on a copy of a data folder seeded once per run (its database, keys and evidence),
        /// unless the test has put data of its own in the folder (an upgrade, a restore).
        /// </summary>
        public override IReadOnlyDictionary<string, string?> Create(string dataDirectory, bool withDemoData)
        {
            var holdsData = Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any();
            if (fromTemplate && withDemoData && !holdsData)
            {
                CopyFolder(Template.Value, dataDirectory);
            }

            return Settings;
        }

        public override void Drop(IReadOnlyDictionary<string, string?> settings) => SqliteConnection.ClearAllPools();

        private static string SeedTemplate()
        {
            var folder = TestFolders.New("template-");
            using (var seeding = new SeedingApp(folder, Settings))
            {
                _ = seeding.Services; // starts the host: migrations and demo data
            }

            // The database file is complete once no connection holds it; the folder's lock file is the seeding app's.
            SqliteConnection.ClearAllPools();
            File.Delete(Path.Combine(folder, DataDirectoryLock.FileName));
            return folder;
        }
    }

    private sealed class SqlServerTestDatabase(string serverConnection) : TestDatabase
    {
        public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

        public override IReadOnlyDictionary<string, string?> Create(string dataDirectory, bool withDemoData)
        {
            var name = $"dd_{Guid.NewGuid():N}";
            Execute($"CREATE DATABASE [{name}]");
            return new Dictionary<string, string?>
            {
                ["Database:Provider"] = nameof(DatabaseProvider.SqlServer),
                ["ConnectionStrings:App"] = new SqlConnectionStringBuilder(serverConnection) { InitialCatalog = name }.ToString(),
                ["Audit:ChainKey"] = ServerChainKey,
            };
        }

        public override void Drop(IReadOnlyDictionary<string, string?> settings)
        {
            var name = new SqlConnectionStringBuilder(settings["ConnectionStrings:App"]).InitialCatalog;
            SqlConnection.ClearAllPools();
            Execute($"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]");
        }

        private void Execute(string sql)
        {
            using var connection = new SqlConnection(new SqlConnectionStringBuilder(serverConnection) { InitialCatalog = "master", Pooling = false }.ToString());
            connection.Open();
            using var command = new SqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }

    private sealed class PostgresTestDatabase(string socketFolder) : TestDatabase
    {
        private readonly Lazy<string> _template = new(() => SeedTemplate(socketFolder), LazyThreadSafetyMode.ExecutionAndPublication);

        public override DatabaseProvider Provider => DatabaseProvider.Postgres;

        public override IReadOnlyDictionary<string, string?> Create(string dataDirectory, bool withDemoData)
        {
            var name = $"dd_{Guid.NewGuid():N}";
            if (withDemoData)
            {
                var templateFolder = _template.Value;
                Execute(socketFolder, $"CREATE DATABASE {name} TEMPLATE {TemplateName}");
                CopyFolder(Path.Combine(templateFolder, "evidence"), Path.Combine(dataDirectory, "evidence"));
            }
            else
            {
                Execute(socketFolder, $"CREATE DATABASE {name}");
            }

            return Settings(socketFolder, name);
        }

        public override void Drop(IReadOnlyDictionary<string, string?> settings)
        {
            var name = new NpgsqlConnectionStringBuilder(settings["ConnectionStrings:App"]).Database!;
            NpgsqlConnection.ClearAllPools();
            Execute(socketFolder, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }

        private const string TemplateName = "dd_template";

        /// <summary>Once per run: a database with the demo data, seeded by the app itself; returns the data folder it wrote.</summary>
        private static string SeedTemplate(string socketFolder)
        {
            var folder = TestFolders.New("template-");
            Execute(socketFolder, $"DROP DATABASE IF EXISTS {TemplateName} WITH (FORCE)");
            Execute(socketFolder, $"CREATE DATABASE {TemplateName}");
            using (var seeding = new SeedingApp(folder, Settings(socketFolder, TemplateName)))
            {
                _ = seeding.Services; // starts the host: migrations and demo data
            }

            // A template may have no open connection while it is copied. None may come later either: a run saw every copy
            // refused for minutes ("source database is being accessed by other users", 1,029 tests) once something
            // connected to it after the seeding (autovacuum visits every database that allows connections).
            NpgsqlConnection.ClearAllPools();
            Execute(socketFolder, $"ALTER DATABASE {TemplateName} WITH ALLOW_CONNECTIONS false");
            Execute(socketFolder, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{TemplateName}'");
            return folder;
        }

        private static Dictionary<string, string?> Settings(string socketFolder, string database) => new()
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
            ["ConnectionStrings:App"] = new NpgsqlConnectionStringBuilder
            {
                Host = socketFolder,
                Database = database,
                Username = "postgres",
                MaxPoolSize = 20,
            }.ToString(),
            ["Audit:ChainKey"] = ServerChainKey,
        };

        private static void Execute(string socketFolder, string sql)
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder { Host = socketFolder, Database = "postgres", Username = "postgres", Pooling = false }.ToString());
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }
}
