using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>
/// The one rule for who acts on the supplier's side of an assessment (invites, links, the contacts' answers and the
/// conversations with them): an analyst who works on the assessment, while it is a draft.
/// </summary>
internal static class SupplierWork
{
    /// <summary>
    /// Loads the assessment through <paramref name="assessments"/> (tracked or not, with what the caller needs) and refuses
    /// anyone but those analysts; <paramref name="doing"/> completes the refusal ("… invites the supplier").
    /// </summary>
    public static async Task<(Assessment Assessment, Actor Actor)> RequireAnalystAsync(
        CurrentUser currentUser, AppDbContext db, IQueryable<Assessment> assessments, Guid assessmentId, string doing, CancellationToken cancellationToken)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst);
        var principal = await currentUser.GetPrincipalAsync();
        var actor = await currentUser.GetActorAsync();
        var assessment = await assessments.FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new DomainException("This assessment no longer exists.");
        AssessmentAccess.Require(AssessmentAccess.CanEditAnswers(principal, assessment, await AssessmentAccess.SupplierTeamAsync(db, assessment, cancellationToken)),
            $"{AssessmentAccess.WorkersOnly} {doing}, while the assessment is a draft.");
        return (assessment, actor);
    }
}
