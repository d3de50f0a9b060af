using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence.Seed;
using DueDiligence.Web.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Persistence;

/// <summary>
/// At start-up, before the server accepts requests: pending migrations (under a database lock, so instances starting
/// together take turns: <see cref="AppDbContext.MigrateOneInstanceAtATimeAsync"/>), the data-protection keys of an older release moved into the database,
/// then — by one instance at a time, under a lease — the name keys of suppliers saved before they were stored
/// (<see cref="SupplierMatchKeyBackfill"/>), reference data, demo data when <c>DemoData:Enabled</c> is true, and a
/// checkpoint of the audit chain's end.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        // Before anything is written: a server database without a configured chain key stops the start here.
        _ = provider.GetRequiredService<AuditChainSigner>();

        var factory = provider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.IsSqlite())
            {
                // WAL lets readers work while one writer writes; the setting is stored in the database file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            await db.MigrateOneInstanceAtATimeAsync(cancellationToken);
            await KeyRingImport.FromDataDirectoryAsync(db, provider.GetRequiredService<DataDirectory>(), cancellationToken);
        }

        var leases = provider.GetRequiredService<JobLeases>();
        while (!await leases.TryTakeAsync(SetupLease, TimeSpan.FromMinutes(10), cancellationToken))
        {
            // Waiting for another instance's set-up is waiting on real work, not a rule about time: on the real clock, so
            // that an app on a clock that stands still (a test's) still looks again.
            await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, cancellationToken);
        }

        try
        {
            var filled = await SupplierMatchKeyBackfill.RunAsync(factory, cancellationToken);
            if (filled > 0)
            {
                provider.GetRequiredService<ILogger<DatabaseInitializer>>().LogInformation("Filled the duplicate check's name keys of {Count} suppliers.", filled);
            }

            await SeedAsync(provider, factory, cancellationToken);
            // A database restored, moved or copied has no checkpoint of its own yet: it gets one before the first request.
            await provider.GetRequiredService<AuditCheckpoints>().WriteCurrentHeadAsync(factory, cancellationToken);
        }
        finally
        {
            await leases.ReleaseAsync(SetupLease, CancellationToken.None);
        }
    }

    private const string SetupLease = "database-setup";

    private static async Task SeedAsync(IServiceProvider provider, IDbContextFactory<AppDbContext> factory, CancellationToken cancellationToken)
    {
        await SeedRolesAsync(provider.GetRequiredService<RoleManager<IdentityRole>>());
        var now = provider.GetRequiredService<TimeProvider>().UtcNow();
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await JurisdictionSeed.SeedAsync(db, now, cancellationToken);
        }

        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await TreatySeed.SeedAsync(db, now, cancellationToken);
        }

        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await DefaultTemplateSeed.SeedAsync(db, now, cancellationToken);
            await ClauseLibrarySeed.SeedAsync(db, cancellationToken);
        }

        var configuration = provider.GetRequiredService<IConfiguration>();
        if (configuration.GetValue<bool>("DemoData:Enabled"))
        {
            var users = provider.GetRequiredService<UserManager<AppUser>>();
            await DemoUsers.SeedAsync(users);
            var analyst = (await users.FindByEmailAsync(DemoUsers.All.First(u => u.Role == AppRoles.Analyst).Email))!;
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await DemoSuppliers.SeedAsync(db, analyst.Id, analyst.DisplayName, now, cancellationToken);
            await DemoAssessments.SeedAsync(db, users, provider.GetRequiredService<EvidenceStore>(), now, cancellationToken);
            await DemoSourcing.SeedAsync(db, analyst.Id, analyst.DisplayName, now, cancellationToken);
            await DemoTooling.SeedAsync(db, analyst.DisplayName, now, cancellationToken);
            await DemoPlanner.SeedAsync(db, cancellationToken);
            await DemoIpRights.SeedAsync(db, now, cancellationToken);
            await DemoAgreements.SeedAsync(db, users, now, cancellationToken);
        }
    }

    private static async Task SeedRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var created = await roles.CreateAsync(new IdentityRole(role));
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
