using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Moving;

/// <summary>
/// The contexts of a move, built with plain options: no audit interceptor, since moving the data is no business change
/// and the audit trail is copied as it is.
/// </summary>
public static class MoveContexts
{
    public static SqliteAppDbContext Source(string databaseFile) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(DatabaseSettings.SqliteConnectionString(databaseFile)).Options);

    public static AppDbContext Target(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Postgres => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options),
        DatabaseProvider.SqlServer => new SqlServerAppDbContext(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer(connectionString).Options),
        _ => throw new MoveDataException($"Data moves from SQLite to a server database: --to must be postgres or sqlserver, not {provider}."),
    };
}
