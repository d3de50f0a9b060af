using DueDiligence.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DueDiligence.Web.Infrastructure.Persistence.Providers;

/// <summary>PostgreSQL (15 or later).</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    /// <summary>Any number that no other application on the same server uses for an advisory lock.</summary>
    private const long AuditChainLockKey = 0x0D0E_D111_6E0C_E001;

    /// <summary>A transaction-level advisory lock: released by the commit or rollback, never before.</summary>
    private protected override Task TakeAuditChainLockAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey});", cancellationToken);

    private const long MigrationLockKey = 0x0D0E_D111_6E0C_E002;

    /// <summary>
    /// EF Core's migration lock on PostgreSQL lasts one migration's transaction: two instances starting together on a
    /// database two migrations behind both applied the second one ("relation … already exists"). A session-level
    /// advisory lock, held on this context's connection for the whole run, makes the second instance wait and then find
    /// nothing left to apply.
    /// </summary>
    internal override async Task MigrateOneInstanceAtATimeAsync(CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey});", cancellationToken);
            try
            {
                await Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey});", CancellationToken.None);
            }
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The audit hash covers the time to the tenth of a microsecond; PostgreSQL keeps whole microseconds, so the time
        // of an event is kept as .NET ticks here, and a chain moved from another database still verifies.
        builder.Entity<AuditEvent>().Property(e => e.OccurredAtUtc).HasConversion(UtcTicks);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Every DateTime of the model is UTC by convention ("…AtUtc"); timestamptz accepts only values marked as such.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private static readonly ValueConverter<DateTime, long> UtcTicks =
        new(v => v.Ticks, v => new DateTime(v, DateTimeKind.Utc));

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>For <c>dotnet ef</c> only; no server is contacted to add a migration or write a script.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=design-time;Database=duediligence").Options);
}
