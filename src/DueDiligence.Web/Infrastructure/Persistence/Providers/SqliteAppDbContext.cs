using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DueDiligence.Web.Infrastructure.Persistence.Providers;

/// <summary>The embedded default: one SQLite file in the data directory. Its migrations keep the history of every release.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    /// <summary>Microsoft.Data.Sqlite begins transactions with BEGIN IMMEDIATE, which already holds the one write lock.</summary>
    private protected override Task TakeAuditChainLockAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>For <c>dotnet ef</c> only.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
