using System.Security.Claims;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>Who may do what with an assessment: by role and by their relation to the record.</summary>
internal static class AssessmentAccess
{
    /// <summary>The roles that take part in assessments; administrators run the workspace but do not see assessments.</summary>
    public static readonly string[] Participants = [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive];

    public static bool CanRead(ClaimsPrincipal user) => Participants.Any(user.IsInRole);

    /// <summary>The owning analyst, legal reviewers and executives; other analysts see the answers but not the files.</summary>
    public static bool CanOpenEvidence(ClaimsPrincipal user, Assessment assessment) =>
        user.IsInRole(AppRoles.LegalReviewer) || user.IsInRole(AppRoles.Executive) || IsOwner(user, assessment);

    public static bool IsOwner(ClaimsPrincipal user, Assessment assessment) =>
        user.IsInRole(AppRoles.Analyst) && user.FindFirstValue(ClaimTypes.NameIdentifier) == assessment.AnalystId;

    public static bool CanEditAnswers(ClaimsPrincipal user, Assessment assessment) =>
        assessment.Status == AssessmentStatus.Draft && IsOwner(user, assessment);

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
