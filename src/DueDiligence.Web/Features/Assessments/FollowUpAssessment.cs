using System.Security.Claims;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>A contract condition or a finding of an assessment.</summary>
public enum FollowUpKind
{
    Condition,
    Finding,
}

/// <summary>What is done to a condition or finding after the decision.</summary>
public enum FollowUpStep
{
    Start,

    /// <summary>Mark a condition met, resolve a finding.</summary>
    Complete,

    /// <summary>Waive it, with a reason.</summary>
    Waive,
    Reopen,
}

/// <summary>One condition or finding of an assessment.</summary>
public sealed record FollowUpItem(FollowUpKind Kind, Guid Id);

/// <summary>A file uploaded as evidence of fulfilment: its name as uploaded and its content.</summary>
public sealed record FulfilmentFile(string FileName, Stream Content);

/// <summary>
/// Following up the contract conditions and findings of a decided assessment: the supplier's owner and collaborators and
/// legal reviewers start them, mark them met or resolved (with evidence of fulfilment, through the evidence store's
/// checks), waive them with a reason and reopen them. Executives read; nobody changes the decision. Each change is saved
/// through the audited save and kept in the item's history.
/// </summary>
public sealed class FollowUpAssessment(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, EvidenceStore store, TimeProvider time, SupplierPositionUpdater positions)
{
    private const string Refusal =
        "Only the supplier's owner and collaborators, and legal reviewers, follow up the conditions and findings of a decided assessment.";

    /// <summary>The supplier's team (analysts who own or collaborate on it) and legal reviewers, once the assessment is decided.</summary>
    public static bool CanFollowUp(ClaimsPrincipal user, Assessment assessment, IOwnedRecord supplier)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Status == AssessmentStatus.Decided && (user.IsInRole(AppRoles.LegalReviewer) || RecordAccess.IsTeamMember(user, supplier));
    }

    /// <summary>Whether the current user may follow up this assessment; the screen offers the actions only then.</summary>
    public async Task<bool> MayFollowUpAsync(Assessment assessment, IOwnedRecord supplier) =>
        CanFollowUp(await currentUser.GetPrincipalAsync(), assessment, supplier);

    /// <summary>Takes a step, attaching the file first when one is given; a refused file or step saves nothing and keeps no file.</summary>
    /// <returns>The assessment as saved.</returns>
    /// <param name="expectedVersion">The assessment's version the client read (an API client's If-Match); null for none.</param>
    public Task<Assessment> TakeStepAsync(
        Guid assessmentId, FollowUpItem item, FollowUpStep step, string? reason, FulfilmentFile? file, Guid? expectedVersion = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return RunAsync(assessmentId, item, file, expectedVersion, (assessment, actor, now) =>
        {
            switch (item.Kind)
            {
                case FollowUpKind.Condition:
                    assessment.ChangeConditionStatus(item.Id, ConditionStatusOf(step), reason, actor, now);
                    break;
                default:
                    assessment.ChangeFindingStatus(item.Id, FindingStatusOf(step), reason, actor, now);
                    break;
            }
        }, cancellationToken);
    }

    /// <summary>Attaches a file as evidence of fulfilment without changing the status.</summary>
    public Task<Assessment> AttachAsync(Guid assessmentId, FollowUpItem item, FulfilmentFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return RunAsync(assessmentId, item, file, null, static (_, _, _) => { }, cancellationToken);
    }

    private async Task<Assessment> RunAsync(
        Guid assessmentId, FollowUpItem item, FulfilmentFile? file, Guid? expectedVersion, Action<Assessment, Actor, DateTime> change, CancellationToken cancellationToken)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst, AppRoles.LegalReviewer);
        var principal = await currentUser.GetPrincipalAsync();
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await AssessmentStore.LoadAsync(db, assessmentId, cancellationToken);
        var supplier = await AssessmentAccess.SupplierTeamAsync(db, assessment, cancellationToken);
        AssessmentAccess.Require(principal.IsInRole(AppRoles.LegalReviewer) || RecordAccess.IsTeamMember(principal, supplier), Refusal);
        AssessmentStore.RequireVersion(assessment, expectedVersion);
        if (assessment.Status != AssessmentStatus.Decided)
        {
            throw new DomainException("Conditions and findings are followed up here once the assessment is decided; until then legal review and the approver take care of them.");
        }

        var now = time.UtcNow();
        if (file is null)
        {
            change(assessment, actor, now);
            await SaveAsync(db, assessment, cancellationToken);
            return assessment;
        }

        return await store.SaveAndRecordAsync(file.FileName, file.Content, async stored =>
        {
            var upload = new FulfilmentUpload(stored.OriginalFileName, stored.StorageKey, stored.Sha256, stored.Length, stored.ContentType);
            _ = item.Kind == FollowUpKind.Condition
                ? assessment.AttachConditionEvidence(item.Id, upload, actor, now)
                : assessment.AttachFindingEvidence(item.Id, upload, actor, now);
            change(assessment, actor, now);
            await SaveAsync(db, assessment, cancellationToken);
            return assessment;
        }, cancellationToken);
    }

    /// <summary>An overdue condition met or waived (or reopened) takes the supplier off the "Changed since decision" queue (or puts it back) in the same save.</summary>
    private Task SaveAsync(AppDbContext db, Assessment assessment, CancellationToken cancellationToken) =>
        positions.SaveAsync(
            db, () => AssessmentStore.SaveAsync(db, cancellationToken), new PositionTrigger("Condition or finding followed up"),
            AffectedSuppliers.Only(assessment.SupplierId), cancellationToken);

    private static ConditionStatus ConditionStatusOf(FollowUpStep step) => step switch
    {
        FollowUpStep.Start => ConditionStatus.InProgress,
        FollowUpStep.Complete => ConditionStatus.Met,
        FollowUpStep.Waive => ConditionStatus.Waived,
        _ => ConditionStatus.Open,
    };

    private static FindingStatus FindingStatusOf(FollowUpStep step) => step switch
    {
        FollowUpStep.Start => FindingStatus.InProgress,
        FollowUpStep.Complete => FindingStatus.Resolved,
        FollowUpStep.Waive => FindingStatus.Waived,
        _ => FindingStatus.Open,
    };
}
