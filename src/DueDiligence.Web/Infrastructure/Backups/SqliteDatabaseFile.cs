using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DueDiligence.Web.Infrastructure.Backups;

/// <summary>The SQLite database file as backups see it: a consistent copy and its contents in figures.</summary>
public static class SqliteDatabaseFile
{
    /// <summary>
    /// Writes a consistent copy of the database to the new file <paramref name="target"/> with <c>VACUUM INTO</c>: one
    /// read transaction, so the copy is the database as of one moment even while the app goes on writing (WAL mode lets
    /// it). The source is opened read-only: the backup never changes it.
    /// </summary>
    public static async Task CopyAsync(string source, string target, CancellationToken ct)
    {
        if (!File.Exists(source))
        {
            throw new BackupException($"There is no database at {source}. Run the backup with the app's configuration (DataDirectory, as the app is started with).");
        }

        await using var connection = Open(source, SqliteOpenMode.ReadOnly);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Checks the file's integrity and reads its last migration and the row count of every table.</summary>
    /// <exception cref="BackupException">The database is damaged.</exception>
    public static async Task<DatabaseFigures> DescribeAsync(string path, CancellationToken ct)
    {
        await using var connection = Open(path, SqliteOpenMode.ReadOnly);
        var integrity = await ScalarAsync(connection, "PRAGMA integrity_check", ct);
        if (integrity != "ok")
        {
            throw new BackupException($"The database {path} is damaged: SQLite's integrity check says “{integrity}”.");
        }

        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            rows[table] = long.Parse(await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", ct) ?? "0", CultureInfo.InvariantCulture);
        }

        var migration = tables.Contains("__EFMigrationsHistory")
            ? await ScalarAsync(connection, "SELECT MigrationId FROM \"__EFMigrationsHistory\" ORDER BY MigrationId DESC LIMIT 1", ct)
            : null;
        return new DatabaseFigures(migration, rows);
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}

/// <summary>A database in figures: its last applied migration and the rows of each table.</summary>
public sealed record DatabaseFigures(string? MigrationId, IReadOnlyDictionary<string, long> TableRows);
