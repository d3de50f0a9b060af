using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>The demo users who work on the demo assessments, as the assessments record them.</summary>
internal sealed record DemoTeam(Actor Analyst, Actor Legal, Actor Executive)
{
    /// <summary>The user who owns a demo finding or condition.</summary>
    public Actor Owner(DemoOwner owner) => owner == DemoOwner.Legal ? Legal : Analyst;

    /// <returns>Null when a demo user is missing (for instance renamed by an administrator): then no demo assessment is made.</returns>
    public static async Task<DemoTeam?> FindAsync(UserManager<AppUser> users)
    {
        var analyst = await FindAsync(users, AppRoles.Analyst);
        var legal = await FindAsync(users, AppRoles.LegalReviewer);
        var executive = await FindAsync(users, AppRoles.Executive);
        return analyst is null || legal is null || executive is null ? null : new DemoTeam(analyst, legal, executive);
    }

    private static async Task<Actor?> FindAsync(UserManager<AppUser> users, string role)
    {
        var user = await users.FindByEmailAsync(DemoUsers.All.First(u => u.Role == role).Email);
        return user is null ? null : new Actor(user.Id, user.DisplayName);
    }
}
