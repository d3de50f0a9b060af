using System.Security.Claims;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Bench;

/// <summary>The real app (services, SQLite file, migrations) in a temporary data directory, for benchmarks that need it.</summary>
/// <remarks>
/// Named by the app's root component rather than Program: this project's top-level statements make a Program of their own,
/// which would shadow the app's (CS0436) and start the benchmark instead of the app.
/// </remarks>
internal sealed class BenchApp : WebApplicationFactory<DueDiligence.Web.Components.App>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "dd-bench", Guid.NewGuid().ToString("N"));

    public bool DemoData { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("DemoData:Enabled", DemoData ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
