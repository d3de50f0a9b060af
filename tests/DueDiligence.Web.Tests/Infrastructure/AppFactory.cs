using System.Security.Claims;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>
/// The real app in a fresh temporary data directory, with demo data (or an empty register), on a database of its own
/// on the engine of the test run (<see cref="TestDatabase.Current"/>) or on the one given.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly bool _demoData;
    private readonly Lazy<IReadOnlyDictionary<string, string?>> _databaseSettings;
    private readonly Action<IWebHostBuilder>? _configure;

    public AppFactory()
        : this(TestDatabase.Current)
    {
    }

    /// <param name="configure">Settings and services of this installation's every instance (an SMTP server, a clock).</param>
    internal AppFactory(TestDatabase database, bool demoData = true, Action<IWebHostBuilder>? configure = null)
    {
        _database = database;
        _demoData = demoData;
        _configure = configure;
        _databaseSettings = new(() => _database.Create(DataDirectory, _demoData));
    }

    public string DataDirectory { get; } = TestFolders.New();

    public DatabaseProvider Provider => _database.Provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("DemoData:Enabled", _demoData ? "true" : "false");
        // Every test client shares one address: limits no test reaches unless it sets its own.
        foreach (var limit in new[] { "AnonymousPerIp", "SignInPerIp", "SignInPerAccount", "PortalPerIp" })
        {
            builder.UseSetting($"RateLimits:{limit}:PermitLimit", "1000000");
        }
        foreach (var (key, value) in _databaseSettings.Value)
        {
            builder.UseSetting(key, value);
        }

        _configure?.Invoke(builder);
    }

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = CreateBrowserLikeClient();
        var response = await SignInForm.PostAsync(client, email, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>Runs a use case as a user with these roles, in its own scope, as a page would.</summary>
    public Task<T> AsUserAsync<T>(string name, string[] roles, Func<IServiceProvider, Task<T>> work) =>
        AsUserAsync(Services, name, roles, work);

    /// <summary>As <see cref="AsUserAsync{T}(string, string[], Func{IServiceProvider, Task{T}})"/>, on the services of any variant of the app.</summary>
    public static async Task<T> AsUserAsync<T>(IServiceProvider appServices, string name, string[] roles, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = appServices.CreateAsyncScope();
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.NameIdentifier, name) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        return await work(scope.ServiceProvider);
    }

    /// <summary>As <see cref="AsUserAsync{T}"/>, for use cases that return nothing.</summary>
    public Task AsUserAsync(string name, string[] roles, Func<IServiceProvider, Task> work) =>
        AsUserAsync(name, roles, async services =>
        {
            await work(services);
            return true;
        });

    public async Task<AppDbContext> CreateDbContextAsync()
    {
        var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_databaseSettings.IsValueCreated)
        {
            _database.Drop(_databaseSettings.Value);
        }
        try
        {
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A background job of the app was still writing there (an e-mail, a checkpoint): the run's folder goes at its end (TestFolders).
        }
    }
}
