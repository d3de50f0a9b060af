using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Features.Assessments.Approvals;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// An executive approves or rejects, with a rationale, in their own name or on behalf of an executive who has delegated
/// their queue to them today. The approval rule of the live tier says how many distinct executives must approve and
/// whether each approval needs a written justification; a rejection decides at once. The deciding sign-off keeps a score
/// snapshot, sets the supplier's status and latest tier, and the reassessment due date (SCORING.md §6); the analyst and
/// the supplier's team are notified, and the supplier's position follows in the same transaction.
/// </summary>
public sealed class DecideAssessment(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AssessmentStore store, TimeProvider time,
    WorkflowNotifications notifications, SupplierPositionUpdater positions)
{
    /// <param name="onBehalfOfId">The delegator to sign for; null to sign in one's own name.</param>
    /// <returns>The decision, or null when the approval was recorded and more approvals are needed.</returns>
    public async Task<AssessmentDecision?> ExecuteAsync(
        Guid assessmentId, DecisionOutcome outcome, string rationale, string? justification = null, string? onBehalfOfId = null, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Executive);
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var signatory = await SignatoryAsync(db, actor, onBehalfOfId, cancellationToken);
        var assessment = await AssessmentStore.LoadAsync(db, assessmentId, cancellationToken);
        var supplier = await AssessmentStore.SupplierOfAsync(db, assessment, cancellationToken);
        var score = (await store.ScoreAsync(assessment, supplier, cancellationToken)).Result;
        var rule = await ApprovalRules.ForTierAsync(db, score.Tier, cancellationToken);

        var now = time.UtcNow();
        var dueOn = Reassessment.DueDate(score.Tier, time.Today(), score.Policy);
        var decision = assessment.Decide(outcome, rationale, score, dueOn, signatory, now, rule, justification);
        if (decision is null)
        {
            await AssessmentStore.SaveAsync(db, cancellationToken);
            return null;
        }

        supplier.RecordDecision(StatusAfter(outcome), score.Tier, score.ResidualRisk, dueOn, now);
        await notifications.DecidedAsync(db, assessment, supplier, decision, cancellationToken);
        await positions.SaveAsync(
            db, () => AssessmentStore.SaveAsync(db, cancellationToken), new PositionTrigger($"Decided: {AssessmentLabels.Of(outcome)}, {score.Tier}"),
            AffectedSuppliers.Only(supplier.Id), cancellationToken);
        return decision;
    }

    /// <summary>The executive signs for themselves, or for a delegator only while that delegation is in force today.</summary>
    private async Task<Signatory> SignatoryAsync(AppDbContext db, Actor actor, string? onBehalfOfId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(onBehalfOfId) || onBehalfOfId == actor.Id)
        {
            return new Signatory(actor);
        }

        var delegator = (await Delegations.ActingForAsync(db, actor.Id, time.Today(), cancellationToken)).FirstOrDefault(d => d.Id == onBehalfOfId)
            ?? throw new ForbiddenException("You may decide on behalf of another executive only while they have delegated their decision queue to you, and no such delegation is in force today.");
        return new Signatory(actor, delegator);
    }

    private static SupplierStatus StatusAfter(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approved => SupplierStatus.Approved,
        DecisionOutcome.ApprovedWithConditions => SupplierStatus.ApprovedWithConditions,
        _ => SupplierStatus.Rejected,
    };
}
