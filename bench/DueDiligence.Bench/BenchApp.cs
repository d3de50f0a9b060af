using System.Security.Claims;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Bench;

/// <summary>
/// The real app (services, database, migrations) in a temporary data directory, for benchmarks that need it; or in a data
/// directory of the caller's (<c>--data DIR</c>), kept after the run so that a large data set is seeded once.
/// </summary>
/// <remarks>
/// Named by the app's root component rather than Program: this project's top-level statements make a Program of their own,
/// which would shadow the app's (CS0436) and start the benchmark instead of the app.
/// </remarks>
internal sealed class BenchApp(BenchDatabase database, string? keptDataDirectory = null) : WebApplicationFactory<DueDiligence.Web.Components.App>
{
    private readonly IReadOnlyDictionary<string, string> _databaseSettings = database.Create();

    public string DataDirectory { get; } = keptDataDirectory ?? Path.Combine(Path.GetTempPath(), "dd-bench", Guid.NewGuid().ToString("N"));

    public bool DemoData { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("DemoData:Enabled", DemoData ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _databaseSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A scope acting as a signed-in user with these roles.</summary>
    public AsyncServiceScope ScopeAs(string name, params string[] roles)
    {
        var scope = Services.CreateAsyncScope();
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.NameIdentifier, name) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(new ClaimsPrincipal(new ClaimsIdentity(claims, "bench")));
        return scope;
    }

    /// <summary>
    /// After a bulk load: PostgreSQL's planner statistics brought up to date, as its autovacuum does on a live server
    /// a little later (SQLite plans without them).
    /// </summary>
    public async Task AfterBulkLoadAsync()
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        database.Drop(_databaseSettings);
        if (keptDataDirectory is null)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
