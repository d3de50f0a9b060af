using System.Security.Claims;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Dashboard;

/// <summary>
/// The real app with demo data (as <see cref="AppFactory"/>) on a clock the tests can move, shared by the dashboard
/// tests; they run one after another and assert on what their own actions changed.
/// </summary>
public sealed class DashboardApp : IAsyncLifetime
{
    private readonly AppFactory _factory = new();

    public ShiftedClock Clock { get; } = new();

    public WebApplicationFactory<Program> App { get; private set; } = default!;

    public PortfolioScenario Scenario { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
        Scenario = await PortfolioScenario.PrepareAsync(this);
    }

    /// <summary>Runs a use case as a user with these roles, in its own scope, as a page would.</summary>
    public Task<T> AsUserAsync<T>(string name, string[] roles, Func<IServiceProvider, Task<T>> work) =>
        AppFactory.AsUserAsync(App.Services, name, roles, work);

    public Task AsUserAsync(string name, string[] roles, Func<IServiceProvider, Task> work) =>
        AsUserAsync(name, roles, async services =>
        {
            await work(services);
            return true;
        });

    /// <summary>Runs the work with the clock moved back by <paramref name="ago"/>, then puts the clock back.</summary>
    public async Task InThePastAsync(TimeSpan ago, Func<Task> work)
    {
        Clock.Offset = -ago;
        try
        {
            await work();
        }
        finally
        {
            Clock.Offset = TimeSpan.Zero;
        }
    }

    /// <summary>A client signed in as the seeded demo user of <paramref name="role"/>, keeping cookies like a browser.</summary>
    public async Task<HttpClient> SignInAsync(string role)
    {
        var user = DemoAccounts.ForRole(role);
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await SignInForm.PostAsync(client, user.Email, user.Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardApp>
{
    public const string Name = "dashboard";
}
