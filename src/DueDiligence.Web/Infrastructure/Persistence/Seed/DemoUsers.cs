using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>
/// One demo user per role, and a second executive for the decisions that need two (a Critical tier under the default
/// approval rules); created only when demo data is on. The README lists them.
/// </summary>
public static class DemoUsers
{
    public sealed record DemoUser(string Email, string DisplayName, string Role, string Password);

    public static readonly IReadOnlyList<DemoUser> All =
    [
        new("analyst@demo.local", "Ana Analyst", AppRoles.Analyst, "Demo-Analyst-2026"),
        new("legal@demo.local", "Lee Legal", AppRoles.LegalReviewer, "Demo-Legal-2026"),
        new("executive@demo.local", "Eve Executive", AppRoles.Executive, "Demo-Executive-2026"),
        new("executive2@demo.local", "Evan Executive", AppRoles.Executive, "Demo-Executive2-2026"),
        new("admin@demo.local", "Adam Admin", AppRoles.Admin, "Demo-Admin-2026"),
    ];

    public static async Task SeedAsync(UserManager<AppUser> users)
    {
        foreach (var demo in All)
        {
            if (await users.FindByEmailAsync(demo.Email) is not null)
            {
                continue;
            }

            var user = new AppUser { UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.DisplayName };
            // Published in the README, a demo password is known to everyone whatever its strength (and each names its
            // role, which is also the e-mail's local part): it is hashed here without the password rules real accounts get.
            user.PasswordHash = users.PasswordHasher.HashPassword(user, demo.Password);
            Ensure(await users.CreateAsync(user), demo.Email);
            Ensure(await users.AddToRoleAsync(user, demo.Role), demo.Email);
        }
    }

    private static void Ensure(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not seed demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
