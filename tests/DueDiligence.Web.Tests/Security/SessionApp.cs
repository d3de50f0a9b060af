using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DueDiligence.Web.Tests.Security;

/// <summary>
/// Two instances of the real app on one database (as behind a load balancer), both on one fake clock that the tests
/// move: <see cref="A"/> and <see cref="B"/> share only the database (and so its key ring and security stamps).
/// </summary>
public sealed class SessionApp : IAsyncLifetime
{
    public const string Password = "walnut-harbour-lantern-58";

    /// <summary>Refreshes the sign-in of the cookie sent, as a page does after the user changed their own password.</summary>
    public const string RefreshSignInPath = "/test/refresh-sign-in";

    private readonly AppFactory _factory = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> A { get; private set; } = default!;

    public WebApplicationFactory<Program> B { get; private set; } = default!;

    public Task InitializeAsync()
    {
        A = OnTheClock();
        _ = A.Server; // started first: it migrates and seeds; B then finds the database ready
        B = OnTheClock();
        _ = B.Server;
        return Task.CompletedTask;
    }

    /// <summary>A new analyst with <see cref="Password"/>; returns the e-mail.</summary>
    public async Task<string> CreateAnalystAsync()
    {
        var email = $"session-{Guid.NewGuid():N}@test.local";
        var result = await AsAdminAsync(services => services.GetRequiredService<UserAdministration>().CreateAsync(new NewUserInput
        {
            Email = email,
            DisplayName = "Sam Session",
            Password = Password,
            Roles = [AppRoles.Analyst],
        }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return email;
    }

    /// <summary>Signs in through the sign-in form on <paramref name="instance"/> and copies the cookie it sets.</summary>
    public async Task<SessionCookie> SignInAsync(WebApplicationFactory<Program> instance, string email)
    {
        var browser = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await SignInForm.PostAsync(browser, email, Password);
        return SessionCookie.From(response, browser);
    }

    public Task<T> AsAdminAsync<T>(Func<IServiceProvider, Task<T>> work) =>
        AppFactory.AsUserAsync(A.Services, "admin@test", [AppRoles.Admin], work);

    /// <summary>Runs <paramref name="work"/> with the account's <see cref="UserManager{TUser}"/>, as a page's use case would.</summary>
    public Task<T> WithUserAsync<T>(string email, Func<UserManager<AppUser>, AppUser, Task<T>> work) =>
        AsAdminAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            return await work(users, (await users.FindByEmailAsync(email))!);
        });

    /// <summary>The security events recorded for the account, oldest first.</summary>
    public async Task<List<Domain.Auditing.AuditEvent>> SecurityEventsAsync(string email, SecurityEvent kind)
    {
        await using var db = await _factory.CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Actor == email && e.EntityType == kind.ToString()).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private WebApplicationFactory<Program> OnTheClock() =>
        _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTransient<IStartupFilter, RefreshSignInEndpoint>();
        }));

    /// <summary><see cref="RefreshSignInPath"/>: <c>SignInManager.RefreshSignInAsync</c> for the cookie's account.</summary>
    private sealed class RefreshSignInEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, rest) =>
            {
                if (context.Request.Path != RefreshSignInPath)
                {
                    await rest(context);
                    return;
                }

                var signIn = context.RequestServices.GetRequiredService<SignInManager<AppUser>>();
                var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
                var user = session.Succeeded ? await signIn.UserManager.GetUserAsync(session.Principal) : null;
                if (user is null)
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }

                await signIn.RefreshSignInAsync(user);
            });
            next(app);
        };
    }
}
