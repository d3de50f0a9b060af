using DueDiligence.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Persistence;

/// <summary>SQLite in the data directory, one context per operation through a scoped factory, audited saves.</summary>
public static class PersistenceSetup
{
    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        // Resolved from DI, not read in Program, so that tests and hosts can set DataDirectory late.
        services.AddSingleton(provider => DataDirectory.FromConfiguration(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditInterceptor>();

        // Scoped, so that the audit interceptor sees the user of the circuit or request that saves.
        services.AddDbContextFactory<AppDbContext>(
            (provider, options) => options
                .UseSqlite(ConnectionString(provider.GetRequiredService<DataDirectory>()))
                .AddInterceptors(provider.GetRequiredService<AuditInterceptor>()),
            ServiceLifetime.Scoped);

        services.AddDataProtection().SetApplicationName("DueDiligence");
        services.AddOptions<KeyManagementOptions>().Configure<DataDirectory, ILoggerFactory>((options, data, loggers) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(data.Root, "keys")), loggers));

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    public static string ConnectionString(DataDirectory data) => new SqliteConnectionStringBuilder
    {
        DataSource = data.DatabasePath,
        // Also the busy timeout: Microsoft.Data.Sqlite retries a locked database for this long.
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();
}
