using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DueDiligence.Web.Infrastructure.Persistence.Providers;

/// <summary>SQL Server (2019 or later, or Azure SQL), for companies that run their own.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options)
{
    /// <summary>An application lock owned by the transaction: released by its commit or rollback, never before.</summary>
    private protected override Task TakeAuditChainLockAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync(
            "DECLARE @result int; EXEC @result = sp_getapplock @Resource = 'DueDiligence.AuditChain', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000; IF @result < 0 THROW 51000, 'The audit chain lock was not granted within 30 seconds.', 1;",
            cancellationToken);
}

/// <summary>For <c>dotnet ef</c> only; no server is contacted to add a migration or write a script.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=design-time;Database=DueDiligence").Options);
}
