using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// The owning analyst attaches a file to a question. The store checks size, type and content and keeps the file under a
/// random name; a refused upload changes nothing, and a file whose record cannot be saved is removed again.
/// </summary>
public sealed class UploadEvidence(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, EvidenceStore store, TimeProvider time)
{
    public async Task<EvidenceFile> ExecuteAsync(
        Guid assessmentId, string questionCode, string fileName, Stream content, DateOnly? expiresOn, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst);
        var principal = await currentUser.GetPrincipalAsync();
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.Include(a => a.Evidence).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new Domain.Common.DomainException("This assessment no longer exists.");
        AssessmentAccess.Require(
            AssessmentAccess.WorksOn(principal, assessment, await AssessmentAccess.SupplierTeamAsync(db, assessment, cancellationToken)),
            $"{AssessmentAccess.WorkersOnly} uploads its evidence.");
        AssessmentAccess.Require(assessment.Status == AssessmentStatus.Draft, "Evidence is uploaded while the assessment is a draft.");

        return await store.SaveAndRecordAsync(fileName, content, async stored =>
        {
            var evidence = assessment.AttachEvidence(
                new EvidenceUpload(questionCode, stored.OriginalFileName, stored.StorageKey, stored.Sha256, stored.Length, stored.ContentType, expiresOn),
                actor, time.UtcNow());
            await AssessmentStore.SaveContentAsync(db, assessment.Id, cancellationToken);
            return evidence;
        }, cancellationToken);
    }

    /// <summary>
    /// A supplier contact attaches a file to a question of its invitation through the portal: the same checks as our own
    /// uploads; the file counts once the analyst accepts the contact's answer to that question.
    /// </summary>
    public async Task<EvidenceFile> ExecuteForContactAsync(
        SupplierInvitation invitation, string questionCode, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.Include(a => a.Evidence).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == invitation.AssessmentId, cancellationToken)
            ?? throw new Domain.Common.DomainException("This assessment no longer exists.");
        SupplierAccess.RequireCanChange(invitation, assessment, questionCode, time.UtcNow());
        var contact = invitation.ContactActor;
        return await store.SaveAndRecordAsync(fileName, content, async stored =>
        {
            var evidence = assessment.AttachEvidence(
                new EvidenceUpload(questionCode, stored.OriginalFileName, stored.StorageKey, stored.Sha256, stored.Length, stored.ContentType, null, contact.Name),
                contact, time.UtcNow());
            await AssessmentStore.SaveContentAsync(db, assessment.Id, cancellationToken);
            return evidence;
        }, cancellationToken);
    }
}
