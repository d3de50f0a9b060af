using Microsoft.Data.Sqlite;

namespace DueDiligence.Web.Infrastructure.Persistence;

/// <summary>The database engines the app runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file in the data directory, one app instance.</summary>
    Sqlite,
    SqlServer,
    Postgres,
}

/// <summary>
/// Which database the app uses: <c>Database:Provider</c> (Sqlite by default) and, for the server databases,
/// <c>ConnectionStrings:App</c>. SQLite needs no connection string: its file lives in the data directory.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings FromConfiguration(IConfiguration configuration, DataDirectory data)
    {
        var configured = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(configured) && !Enum.TryParse(configured.Trim(), ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{configured}' is not known: use one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            return new(provider, SqliteConnectionString(data.DatabasePath));
        }

        var connection = configuration.GetConnectionString("App");
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException(
                $"Database:Provider is {provider}, but ConnectionStrings:App is empty: set it (environment variable ConnectionStrings__App).");
        }

        return new(provider, connection);
    }

    public static string SqliteConnectionString(string databaseFile) => new SqliteConnectionStringBuilder
    {
        DataSource = databaseFile,
        // Also the busy timeout: Microsoft.Data.Sqlite retries a locked database for this long.
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();
}
