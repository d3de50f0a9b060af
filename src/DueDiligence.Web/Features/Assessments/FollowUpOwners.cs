using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>A user who may own a finding or condition, as the owner picker lists them: by name, with what they are on the assessment.</summary>
/// <param name="Role">"Legal reviewer", "Procurement analyst, supplier's owner" or "Procurement analyst, collaborator".</param>
public sealed record OwnerChoice(string Id, string Name, string Email, string Role);

/// <summary>
/// The one rule for who may own a finding or contract condition of an assessment, used by the owner picker and checked
/// again by every use case that sets an owner: an active account (not locked by an administrator) of someone who can act
/// on the item until it is done (<see cref="FollowUpAssessment.CanFollowUp"/>) — every legal reviewer, and the analysts on
/// the supplier's team (its owner and collaborators). Executives and other analysts read the follow-up but cannot
/// complete it, so they are not offered: an item they owned could not be closed by its owner.
/// </summary>
internal static class FollowUpOwners
{
    private const string LegalReviewer = "Legal reviewer";

    /// <summary>Everyone who may own an item of an assessment of <paramref name="supplier"/>, by name.</summary>
    public static async Task<IReadOnlyList<OwnerChoice>> ListAsync(AppDbContext db, Supplier supplier, CancellationToken cancellationToken)
    {
        IOwnedRecord record = supplier;
        var team = record.Team.Select(c => c.UserId).Append(record.OwnerId).ToList();
        var roles = await db.Roles.AsNoTracking()
            .Where(r => r.Name == AppRoles.LegalReviewer || r.Name == AppRoles.Analyst).ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        var legalRole = roles.GetValueOrDefault(AppRoles.LegalReviewer);
        var analystRole = roles.GetValueOrDefault(AppRoles.Analyst);
        var users = await db.Users.AsNoTracking()
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.LockoutEnd,
                Legal = db.UserRoles.Any(m => m.UserId == u.Id && m.RoleId == legalRole),
                Analyst = db.UserRoles.Any(m => m.UserId == u.Id && m.RoleId == analystRole),
            })
            .Where(u => u.Legal || (u.Analyst && team.Contains(u.Id)))
            .ToListAsync(cancellationToken);
        return users
            .Where(u => u.LockoutEnd != AppUser.AdministratorLockEnd)
            .Select(u => new OwnerChoice(
                u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, u.Email ?? "",
                u.Legal ? LegalReviewer : $"{AppRoles.DisplayName(AppRoles.Analyst)}, {(u.Id == record.OwnerId ? "supplier's owner" : "collaborator")}"))
            .OrderBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>The user with this id if they may own an item of an assessment of <paramref name="supplier"/>, or a refusal that says who may.</summary>
    public static async Task<OwnerChoice> RequireAsync(AppDbContext db, Supplier supplier, string userId, CancellationToken cancellationToken) =>
        (await ListAsync(db, supplier, cancellationToken)).FirstOrDefault(c => c.Id == userId)
        ?? throw new DomainException(
            $"Choose the owner from the list: a legal reviewer, or an analyst on the team of {supplier.LegalName} (its owner or a collaborator), with an active account.");
}
