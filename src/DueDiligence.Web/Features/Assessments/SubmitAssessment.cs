using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// The owning analyst hands the assessment to legal review. Refused with <see cref="SubmissionIncompleteException"/>
/// (every missing answer and piece of evidence listed) while anything required is missing; the score is kept.
/// Legal reviewers are notified.
/// </summary>
public sealed class SubmitAssessment(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AssessmentStore store, TimeProvider time,
    WorkflowNotifications notifications, SupplierPositionUpdater positions)
{
    /// <param name="expectedVersion">The version the client read (an API client's If-Match); null for none.</param>
    public async Task ExecuteAsync(Guid assessmentId, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst);
        var principal = await currentUser.GetPrincipalAsync();
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await AssessmentStore.LoadAsync(db, assessmentId, cancellationToken);
        var supplier = await AssessmentStore.SupplierOfAsync(db, assessment, cancellationToken);
        AssessmentAccess.Require(AssessmentAccess.WorksOn(principal, assessment, supplier), $"{AssessmentAccess.WorkersOnly} submits it.");
        AssessmentStore.RequireVersion(assessment, expectedVersion);
        var score = await store.ScoreAsync(assessment, supplier, cancellationToken);
        assessment.Submit(score.Result, actor, time.UtcNow());
        await notifications.SubmittedAsync(db, assessment, supplier, cancellationToken);
        await positions.SaveAsync(
            db, () => AssessmentStore.SaveAsync(db, cancellationToken), new PositionTrigger("Assessment submitted"), AffectedSuppliers.Only(supplier.Id), cancellationToken);
    }
}
