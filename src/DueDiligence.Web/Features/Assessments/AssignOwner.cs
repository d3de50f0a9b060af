using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// Makes a user the owner of a finding or contract condition and tells them, in the same save. Legal reviewers assign
/// from legal review on, executives while the decision is awaited, the supplier's team once it is decided (as they follow
/// it up). Who may be chosen is <see cref="FollowUpOwners"/>' rule, checked here again whatever the page offered.
/// </summary>
public sealed class AssignOwner(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, WorkflowNotifications notifications)
{
    private const string Refusal =
        "Legal reviewers, executives while the decision is awaited, and the supplier's team once it is decided assign owners of conditions and findings.";

    /// <summary>Everyone who may own a finding or condition of this assessment, by name (<see cref="FollowUpOwners"/>).</summary>
    public async Task<IReadOnlyList<OwnerChoice>> ChoicesAsync(Guid assessmentId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FollowUpOwners.ListAsync(db, await SupplierTeamAsync(db, assessmentId, cancellationToken), cancellationToken);
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
        var owner = await FollowUpOwners.RequireAsync(db, supplier, userId, cancellationToken);
        var description = Apply(assessment, item, owner);
        await notifications.AssignedAsync(db, assessment, await AssessmentStore.SupplierOfAsync(db, assessment, cancellationToken), owner.Id, item.Kind, description, cancellationToken);
        await AssessmentStore.SaveAsync(db, cancellationToken);
        return assessment;
    }

    /// <summary>
    /// The owner chosen for a new item of the assessment, checked against <see cref="FollowUpOwners"/>; null when none was
    /// chosen (the item is then unassigned). The caller checks the role first.
    /// </summary>
    internal async Task<OwnerChoice?> ChosenAsync(Guid assessmentId, string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FollowUpOwners.RequireAsync(db, await SupplierTeamAsync(db, assessmentId, cancellationToken), userId, cancellationToken);
    }

    /// <summary>Makes <paramref name="owner"/> the owner of the item.</summary>
    /// <returns>The item's description, for the notification.</returns>
    internal static string Apply(Assessment assessment, FollowUpItem item, OwnerChoice owner) => item.Kind == FollowUpKind.Condition
        ? assessment.AssignCondition(item.Id, owner.Id, owner.Name).Description
        : assessment.AssignFinding(item.Id, owner.Id, owner.Name).Description;

    private static async Task<Supplier> SupplierTeamAsync(AppDbContext db, Guid assessmentId, CancellationToken cancellationToken)
    {
        var supplierId = await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId).Select(a => (Guid?)a.SupplierId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("This assessment no longer exists.");
        return await db.Suppliers.AsNoTracking().Include(s => s.Collaborators).FirstAsync(s => s.Id == supplierId, cancellationToken);
    }
}
