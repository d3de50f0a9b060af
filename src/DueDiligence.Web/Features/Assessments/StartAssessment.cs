using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// The supplier's owner or a collaborator starts assessing it on a published template version; the assessment keeps a
/// snapshot of it. Other analysts may not: an assessment in progress blocks every other start on the supplier.
/// A reassessment starts the same way from the supplier's previous decided assessment, carrying its answers and evidence
/// forward onto the newest published version of that questionnaire.
/// </summary>
public sealed class StartAssessment(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public Task<Guid> ExecuteAsync(Guid supplierId, Guid templateVersionId, CancellationToken cancellationToken = default) =>
        StartAsync(supplierId, "start an assessment of this supplier", async (db, supplier, actor, now) =>
        {
            var template = await db.TemplateVersions.FirstOrDefaultAsync(t => t.Id == templateVersionId, cancellationToken)
                ?? throw new DomainException("This questionnaire version no longer exists.");
            return Assessment.Start(supplier.Id, template, actor, now);
        }, cancellationToken);

    /// <summary>
    /// Starts a reassessment from the supplier's latest decided assessment: answers matched by question code onto the newest
    /// published version of its questionnaire, evidence linked with its expiry, each section with carried content to confirm.
    /// </summary>
    public Task<Guid> ReassessAsync(Guid supplierId, CancellationToken cancellationToken = default) =>
        StartAsync(supplierId, "start a reassessment of this supplier", async (db, supplier, actor, now) =>
        {
            var previous = await AssessmentStore.WithChildren(db).AsNoTracking()
                .Where(a => a.SupplierId == supplier.Id && a.Status == AssessmentStatus.Decided)
                .OrderByDescending(a => a.DecidedAtUtc).ThenByDescending(a => a.Id)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException($"{supplier.LegalName} has no decided assessment to reassess from; start a new assessment instead.");
            var templateKey = await db.TemplateVersions.Where(t => t.Id == previous.TemplateVersionId).Select(t => t.TemplateKey).FirstAsync(cancellationToken);
            var template = await db.TemplateVersions
                .Where(t => t.TemplateKey == templateKey && t.Status == TemplateStatus.Published)
                .OrderByDescending(t => t.VersionNumber)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException(
                    $"No version of “{previous.TemplateName}” is published any more; ask an administrator to publish one, or start a new assessment on another questionnaire.");
            return Assessment.StartReassessment(previous, template, actor, now);
        }, cancellationToken);

    private async Task<Guid> StartAsync(
        Guid supplierId, string action, Func<AppDbContext, Supplier, Actor, DateTime, Task<Assessment>> create, CancellationToken cancellationToken)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst);
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supplier = await db.Suppliers.Include(s => s.Collaborators).FirstOrDefaultAsync(s => s.Id == supplierId, cancellationToken)
            ?? throw new DomainException("This supplier no longer exists.");
        RecordAccess.RequireTeamMember(await currentUser.GetPrincipalAsync(), supplier, action);
        var open = await db.Assessments.AsNoTracking()
            .Where(a => a.SupplierId == supplierId && a.Status != AssessmentStatus.Decided)
            .Select(a => new { a.Id, a.AnalystName })
            .FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            throw new DomainException($"{supplier.LegalName} already has an assessment in progress (owned by {open.AnalystName}); finish or decide it first.");
        }

        var now = time.UtcNow();
        var assessment = await create(db, supplier, actor, now);
        supplier.StartAssessment(now);
        db.Assessments.Add(assessment);
        await db.SaveOrConflictAsync($"{supplier.LegalName} was changed by someone else a moment ago; start the assessment again.", cancellationToken);
        return assessment.Id;
    }
}
