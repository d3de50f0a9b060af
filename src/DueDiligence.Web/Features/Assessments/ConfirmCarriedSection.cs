using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// An analyst who works on a reassessment confirms that a section's carried-forward answers and evidence are still
/// accurate; until every such section is confirmed, the reassessment cannot be submitted.
/// </summary>
public sealed class ConfirmCarriedSection(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<CarriedSection> ExecuteAsync(Guid assessmentId, string sectionCode, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst);
        var principal = await currentUser.GetPrincipalAsync();
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.Include(a => a.CarriedSections)
            .FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new Domain.Common.DomainException("This assessment no longer exists.");
        AssessmentAccess.Require(
            AssessmentAccess.WorksOn(principal, assessment, await AssessmentAccess.SupplierTeamAsync(db, assessment, cancellationToken)),
            $"{AssessmentAccess.WorkersOnly} confirms its carried-forward sections.");
        var confirmed = assessment.ConfirmCarriedSection(sectionCode, actor, time.UtcNow());
        await AssessmentStore.SaveAsync(db, cancellationToken);
        return confirmed;
    }
}
