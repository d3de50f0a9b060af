using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Reports;

/// <summary>Runs a use case as a seeded user with the claims a real sign-in gives them (id, display name, roles).</summary>
internal static class DemoUserScope
{
    public static async Task<T> AsAsync<T>(this AppFactory app, string email, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(principal);
        return await work(scope.ServiceProvider);
    }

    public static Task AsAsync(this AppFactory app, string email, Func<IServiceProvider, Task> work) =>
        app.AsAsync(email, async services =>
        {
            await work(services);
            return true;
        });

    /// <summary>A second analyst, who owns none of the report tests' assessments.</summary>
    public static async Task CreateUserAsync(this AppFactory app, string email, string displayName, string role, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
