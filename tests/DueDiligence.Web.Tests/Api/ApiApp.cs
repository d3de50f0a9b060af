using System.Net.Http.Headers;
using System.Security.Claims;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Account.ApiTokens;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DueDiligence.Web.Tests.Api;

/// <summary>
/// The real app on a fake clock, with people made through Identity and tokens made through the token page's use case,
/// and HTTP clients that send a token and nothing else (no cookie).
/// </summary>
public sealed class ApiApp : IAsyncLifetime
{
    private readonly AppFactory _factory = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> App { get; private set; } = default!;

    /// <summary>A limit per token low enough for a test to reach (the other limits stay out of reach).</summary>
    public int PermitPerToken { get; init; } = 1_000_000;

    public Task InitializeAsync()
    {
        App = _factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:ApiPerToken:PermitLimit", PermitPerToken.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        _ = App.Server;
        return Task.CompletedTask;
    }

    /// <summary>A new account with the role, made through Identity.</summary>
    internal async Task<Person> PersonAsync(string name, string role = AppRoles.Analyst)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"{Guid.NewGuid():N}@test.local";
        var user = new AppUser { UserName = email, Email = email, DisplayName = name };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return new Person(user.Id, name, email, role);
    }

    /// <summary>Runs a use case as this person, in its own scope, as a page would.</summary>
    internal async Task<T> AsAsync<T>(Person person, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, person.Email), new Claim(ClaimTypes.NameIdentifier, person.Id),
                new Claim(AppClaims.DisplayName, person.Name), new Claim(ClaimTypes.Role, person.Role),
            ],
            "test")));
        return await work(scope.ServiceProvider);
    }

    /// <summary>A supplier the analyst registers through the page's use case.</summary>
    internal Task<Guid> SupplierAsync(Person owner, string? name = null) =>
        AsAsync(owner, s => s.GetRequiredService<SupplierCommands>().CreateAsync(new SupplierInput
        {
            LegalName = name ?? $"Api Supplier {Guid.NewGuid():N}"[..24],
            HqCountry = "VN",
            Category = SupplierCategory.ContractManufacturer,
            Exposure = [new ExposureInput { Category = IpAssetCategory.DesignFiles, Sensitivity = 3 }],
        }));

    public async Task<AppDbContext> DbAsync()
    {
        var scope = App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
    }

    /// <summary>A token of the person with these scopes, made as the token page makes it.</summary>
    internal async Task<string> TokenAsync(Person person, params string[] scopes) =>
        (await TokensAsync(person, tokens => tokens.CreateAsync(new ApiTokenInput { Name = "Test client", Scopes = [.. scopes], ExpiresInDays = 30 }))).Secret;

    internal Task<T> TokensAsync<T>(Person person, Func<PersonalAccessTokens, Task<T>> work) =>
        AsAsync(person, services => work(services.GetRequiredService<PersonalAccessTokens>()));

    /// <summary>A client that sends the token (or none), keeps no cookies and shows redirects.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static string ReadWrite(ApiResource resource) => ApiScopes.Name(resource, ApiAccess.Write);

    public static string Read(ApiResource resource) => ApiScopes.Name(resource, ApiAccess.Read);

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
