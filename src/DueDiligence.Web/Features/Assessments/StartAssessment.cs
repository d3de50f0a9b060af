using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// The supplier's owner or a collaborator starts assessing it on a published template version; the assessment keeps a
/// snapshot of it. Other analysts may not: an assessment in progress blocks every other start on the supplier.
/// </summary>
public sealed class StartAssessment(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<Guid> ExecuteAsync(Guid supplierId, Guid templateVersionId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst);
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supplier = await db.Suppliers.Include(s => s.Collaborators).FirstOrDefaultAsync(s => s.Id == supplierId, cancellationToken)
            ?? throw new DomainException("This supplier no longer exists.");
        RecordAccess.RequireTeamMember(await currentUser.GetPrincipalAsync(), supplier, "start an assessment of this supplier");
        var open = await db.Assessments.AsNoTracking()
            .Where(a => a.SupplierId == supplierId && a.Status != AssessmentStatus.Decided)
            .Select(a => new { a.Id, a.AnalystName })
            .FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            throw new DomainException($"{supplier.LegalName} already has an assessment in progress (owned by {open.AnalystName}); finish or decide it first.");
        }

        var template = await db.TemplateVersions.FirstOrDefaultAsync(t => t.Id == templateVersionId, cancellationToken)
            ?? throw new DomainException("This questionnaire version no longer exists.");
        var now = time.UtcNow();
        var assessment = Assessment.Start(supplier.Id, template, actor, now);
        supplier.StartAssessment(now);
        db.Assessments.Add(assessment);
        await db.SaveOrConflictAsync($"{supplier.LegalName} was changed by someone else a moment ago; start the assessment again.", cancellationToken);
        return assessment.Id;
    }
}
