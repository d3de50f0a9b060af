using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// An executive decides: approve, approve with conditions or reject, with a rationale. The decision keeps a score
/// snapshot, sets the supplier's status and latest tier, and the reassessment due date (SCORING.md §6); the supplier's
/// position follows in the same transaction.
/// </summary>
public sealed class DecideAssessment(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AssessmentStore store, TimeProvider time, SupplierPositionUpdater positions)
{
    public async Task<AssessmentDecision> ExecuteAsync(Guid assessmentId, DecisionOutcome outcome, string rationale, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Executive);
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await AssessmentStore.LoadAsync(db, assessmentId, cancellationToken);
        var supplier = await AssessmentStore.SupplierOfAsync(db, assessment, cancellationToken);
        var score = (await store.ScoreAsync(assessment, supplier, cancellationToken)).Result;

        var now = time.UtcNow();
        var dueOn = Reassessment.DueDate(score.Tier, time.Today(), score.Policy);
        var decision = assessment.Decide(outcome, rationale, score, dueOn, actor, now);
        supplier.RecordDecision(StatusAfter(outcome), score.Tier, score.ResidualRisk, dueOn, now);
        await positions.SaveAsync(
            db, () => AssessmentStore.SaveAsync(db, cancellationToken), new PositionTrigger($"Decided: {AssessmentLabels.Of(outcome)}, {score.Tier}"),
            AffectedSuppliers.Only(supplier.Id), cancellationToken);
        return decision;
    }

    private static SupplierStatus StatusAfter(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approved => SupplierStatus.Approved,
        DecisionOutcome.ApprovedWithConditions => SupplierStatus.ApprovedWithConditions,
        _ => SupplierStatus.Rejected,
    };
}
