using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Persistence.Providers;
using DueDiligence.Web.Infrastructure.Scheduling;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DueDiligence.Web.Infrastructure.Persistence;

/// <summary>
/// The database chosen by <see cref="DatabaseSettings"/>, one context per operation through a scoped factory, audited
/// saves, and the data-protection keys in the database so that every instance reads one key ring.
/// </summary>
public static class PersistenceSetup
{
    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        // Resolved from DI, not read in Program, so that tests and hosts can set the configuration late.
        services.AddSingleton(provider => DataDirectory.FromConfiguration(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton(provider => DatabaseSettings.FromConfiguration(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<DataDirectory>()));
        services.AddSingleton(provider => InstanceIdentity.FromConfiguration(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => AuditChainKey.Load(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<DataDirectory>(), provider.GetRequiredService<DatabaseSettings>().Provider));
        services.AddSingleton(provider => AuditCheckpoints.FromConfiguration(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>(), provider.GetRequiredService<DataDirectory>(),
            provider.GetRequiredService<AuditChainSigner>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<AuditCheckpoints>>()));
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<SecurityEvents>();

        // One factory per provider, each built only if chosen; scoped, so that the audit interceptor sees the user of
        // the circuit or request that saves.
        services.AddDbContextFactory<SqliteAppDbContext>((provider, options) => Use(provider, options), ServiceLifetime.Scoped);
        services.AddDbContextFactory<SqlServerAppDbContext>((provider, options) => Use(provider, options), ServiceLifetime.Scoped);
        services.AddDbContextFactory<PostgresAppDbContext>((provider, options) => Use(provider, options), ServiceLifetime.Scoped);
        services.AddScoped<IDbContextFactory<AppDbContext>>(provider => provider.GetRequiredService<DatabaseSettings>().Provider switch
        {
            DatabaseProvider.SqlServer => new AppDbContextFactory<SqlServerAppDbContext>(provider.GetRequiredService<IDbContextFactory<SqlServerAppDbContext>>()),
            DatabaseProvider.Postgres => new AppDbContextFactory<PostgresAppDbContext>(provider.GetRequiredService<IDbContextFactory<PostgresAppDbContext>>()),
            _ => new AppDbContextFactory<SqliteAppDbContext>(provider.GetRequiredService<IDbContextFactory<SqliteAppDbContext>>()),
        });
        // Identity's stores and the health check take a context from the scope.
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddScoped<JobLeases>();

        services.AddDataProtection().SetApplicationName("DueDiligence");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, provider) =>
            options.XmlRepository = new DatabaseKeyRepository(provider));

        // A real read of a migrated table: a database that answers but lost its tables is not ready. A SQLite file that
        // was removed is not ready either, though a pooled connection still reads (and writes) the removed file.
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>(
            "database", tags: [Health.HealthSetup.ReadyTag], customTestQuery: async (db, cancellationToken) =>
            {
                if (db.Database.IsSqlite() && !File.Exists(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource))
                {
                    return false;
                }

                await db.Users.AsNoTracking().AnyAsync(cancellationToken);
                return true;
            });
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    private static void Use(IServiceProvider provider, DbContextOptionsBuilder options)
    {
        var settings = provider.GetRequiredService<DatabaseSettings>();
        _ = settings.Provider switch
        {
            DatabaseProvider.SqlServer => options.UseSqlServer(settings.ConnectionString),
            DatabaseProvider.Postgres => options.UseNpgsql(settings.ConnectionString),
            _ => options.UseSqlite(settings.ConnectionString),
        };
        options.AddInterceptors(provider.GetRequiredService<AuditInterceptor>());
        // A query that loads several collections in one statement multiplies their rows; each such query says how it
        // loads them (split or single). Outside production a query that does not is an error, so the tests find it.
        if (!provider.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            options.ConfigureWarnings(w => w.Throw(RelationalEventId.MultipleCollectionIncludeWarning));
        }
    }

    /// <summary>Hands out the chosen provider's context as the provider-neutral <see cref="AppDbContext"/>.</summary>
    private sealed class AppDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
