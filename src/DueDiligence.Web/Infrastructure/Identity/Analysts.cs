using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>A procurement analyst who can own or collaborate on a record.</summary>
public sealed record AnalystOption(string Id, string Name, string Email);

/// <summary>The analysts a record can be handed over to or shared with: accounts with the analyst role, not locked by an administrator.</summary>
public static class Analysts
{
    public static async Task<IReadOnlyList<AnalystOption>> ListAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var analystRole = await db.Roles.AsNoTracking().Where(r => r.Name == AppRoles.Analyst).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(m => m.UserId == u.Id && m.RoleId == analystRole))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        return accounts
            .Where(u => u.LockoutEnd != AppUser.AdministratorLockEnd)
            .Select(u => new AnalystOption(u.Id, u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id, u.Email ?? ""))
            .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>The analyst with this id, or a refusal that says who can be chosen.</summary>
    public static async Task<AnalystOption> RequireAsync(AppDbContext db, string? userId, CancellationToken cancellationToken) =>
        (await ListAsync(db, cancellationToken)).FirstOrDefault(a => a.Id == userId)
        ?? throw new DomainException("Choose a procurement analyst whose account is active; only analysts can own or work on suppliers and sourcing projects.");
}
