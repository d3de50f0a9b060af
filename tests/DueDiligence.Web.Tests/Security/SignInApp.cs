using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security;

/// <summary>The real app whose password hasher notes every check (<see cref="CountingPasswordHasher"/>).</summary>
public sealed class SignInApp : IAsyncLifetime
{
    public const string Password = "correct-horse-battery";

    private readonly AppFactory _factory = new();

    public PasswordChecks Checks { get; } = new();

    public WebApplicationFactory<Program> App { get; private set; } = default!;

    public Task InitializeAsync()
    {
        App = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Checks);
            services.AddScoped<IPasswordHasher<AppUser>, CountingPasswordHasher>();
        }));
        return Task.CompletedTask;
    }

    public HttpClient NewClient() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A new account with <see cref="Password"/>: its e-mail, id and stored password hash.</summary>
    public async Task<(string Email, string Id, string Hash)> CreateUserAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@test.local";
        var result = await AppFactory.AsUserAsync(App.Services, "admin@test", [AppRoles.Admin], services =>
            services.GetRequiredService<UserAdministration>().CreateAsync(new NewUserInput
            {
                Email = email,
                DisplayName = "Test User",
                Password = Password,
                Roles = [AppRoles.Analyst],
            }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var user = await AppFactory.AsUserAsync(App.Services, "test", [], async services =>
            (await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!);
        return (email, user.Id, user.PasswordHash!);
    }

    public Task<T> AsAdminAsync<T>(Func<IServiceProvider, Task<T>> work) =>
        AppFactory.AsUserAsync(App.Services, "admin@test", [AppRoles.Admin], work);

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
