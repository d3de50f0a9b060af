using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>A user who may own a finding or condition: an active account with a role that reads assessments.</summary>
public sealed record OwnerChoice(string Id, string Name, string Email);

/// <summary>
/// Makes a user the owner of a finding or contract condition and tells them, in the same save. Legal reviewers assign
/// from legal review on, executives while the decision is awaited, the supplier's team once it is decided (as they follow
/// it up). Also matches an owner typed as text to a user (by name or e-mail, when exactly one active user has it).
/// </summary>
public sealed class AssignOwner(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, WorkflowNotifications notifications)
{
    private const string Refusal =
        "Legal reviewers, executives while the decision is awaited, and the supplier's team once it is decided assign owners of conditions and findings.";

    /// <summary>Everyone who may own an item, by name.</summary>
    public async Task<IReadOnlyList<OwnerChoice>> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CandidatesAsync(db, cancellationToken);
    }

    /// <returns>The assessment as saved.</returns>
    public async Task<Assessment> AssignAsync(Guid assessmentId, FollowUpItem item, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        var principal = await currentUser.GetPrincipalAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await AssessmentStore.LoadAsync(db, assessmentId, cancellationToken);
        var supplier = await AssessmentAccess.SupplierTeamAsync(db, assessment, cancellationToken);
        AssessmentAccess.Require(
            principal.IsInRole(AppRoles.LegalReviewer)
            || (principal.IsInRole(AppRoles.Executive) && assessment.Status == AssessmentStatus.AwaitingDecision)
            || FollowUpAssessment.CanFollowUp(principal, assessment, supplier),
            Refusal);
        var owner = (await CandidatesAsync(db, cancellationToken)).FirstOrDefault(c => c.Id == userId)
            ?? throw new DomainException("Choose an active user who works on assessments (an analyst, legal reviewer or executive) as the owner.");
        var description = item.Kind == FollowUpKind.Condition
            ? assessment.AssignCondition(item.Id, owner.Id, owner.Name).Description
            : assessment.AssignFinding(item.Id, owner.Id, owner.Name).Description;
        await notifications.AssignedAsync(db, assessment, await AssessmentStore.SupplierOfAsync(db, assessment, cancellationToken), owner.Id, item.Kind, description, cancellationToken);
        await AssessmentStore.SaveAsync(db, cancellationToken);
        return assessment;
    }

    /// <summary>The one active user whose name or e-mail is <paramref name="text"/> (case aside), or null: the owner then stays text.</summary>
    public async Task<OwnerChoice?> MatchAsync(string? text, CancellationToken cancellationToken = default)
    {
        var wanted = text?.Trim();
        if (string.IsNullOrEmpty(wanted))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matches = (await CandidatesAsync(db, cancellationToken))
            .Where(c => string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Email, wanted, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static async Task<List<OwnerChoice>> CandidatesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var roles = AssessmentAccess.Participants;
        var roleIds = await db.Roles.AsNoTracking().Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(m => m.UserId == u.Id && roleIds.Contains(m.RoleId)))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        return users.Where(u => u.LockoutEnd != AppUser.AdministratorLockEnd)
            .Select(u => new OwnerChoice(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, u.Email ?? ""))
            .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
