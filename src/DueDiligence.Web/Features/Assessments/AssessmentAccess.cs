using System.Security.Claims;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>Who may do what with an assessment: by role and by their relation to the record.</summary>
internal static class AssessmentAccess
{
    /// <summary>The roles that take part in assessments; administrators run the workspace but do not see assessments.</summary>
    public static readonly string[] Participants = [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive];

    public static bool CanRead(ClaimsPrincipal user) => Participants.Any(user.IsInRole);

    /// <summary>How refusals name the analysts who work on an assessment.</summary>
    public const string WorkersOnly = "Only the analyst who started this assessment, or the supplier's owner or a collaborator,";

    /// <summary>The analysts who work on it, legal reviewers and executives; other analysts see the answers but not the files.</summary>
    public static bool CanOpenEvidence(ClaimsPrincipal user, Assessment assessment, IOwnedRecord supplier) =>
        user.IsInRole(AppRoles.LegalReviewer) || user.IsInRole(AppRoles.Executive) || WorksOn(user, assessment, supplier);

    /// <summary>
    /// An analyst who works on the assessment: the one who started it, or the supplier's owner or a collaborator (so that
    /// a supplier handed over mid-assessment can be finished by its new owner).
    /// </summary>
    public static bool WorksOn(ClaimsPrincipal user, Assessment assessment, IOwnedRecord supplier)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return user.IsInRole(AppRoles.Analyst) && (userId == assessment.AnalystId || supplier.IsTeamMember(userId));
    }

    public static bool CanEditAnswers(ClaimsPrincipal user, Assessment assessment, IOwnedRecord supplier) =>
        assessment.Status == AssessmentStatus.Draft && WorksOn(user, assessment, supplier);

    /// <summary>The assessment (without its children) and its supplier with the owner and collaborators, untracked, in one query; null if it is gone.</summary>
    public static async Task<(Assessment Assessment, Supplier Team)?> WithTeamAsync(AppDbContext db, Guid assessmentId, CancellationToken cancellationToken)
    {
        var loaded = await (
                from assessment in db.Assessments.AsNoTracking()
                join supplier in db.Suppliers.AsNoTracking().Include(s => s.Collaborators) on assessment.SupplierId equals supplier.Id
                where assessment.Id == assessmentId
                select new { assessment, supplier })
            .FirstOrDefaultAsync(cancellationToken);
        return loaded is null ? null : (loaded.assessment, loaded.supplier);
    }

    /// <summary>The supplier of the assessment with its owner and collaborators, for the checks above.</summary>
    public static async Task<Supplier> SupplierTeamAsync(AppDbContext db, Assessment assessment, CancellationToken cancellationToken) =>
        await db.Suppliers.AsNoTracking().Include(s => s.Collaborators).FirstAsync(s => s.Id == assessment.SupplierId, cancellationToken);

    public static bool CanReview(ClaimsPrincipal user, Assessment assessment) =>
        user.IsInRole(AppRoles.LegalReviewer) && assessment.Status is AssessmentStatus.Submitted or AssessmentStatus.LegalReview;

    public static bool CanDecide(ClaimsPrincipal user, Assessment assessment) =>
        user.IsInRole(AppRoles.Executive) && assessment.Status == AssessmentStatus.AwaitingDecision;

    public static void Require(bool allowed, string message)
    {
        if (!allowed)
        {
            throw new ForbiddenException(message);
        }
    }
}
