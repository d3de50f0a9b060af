using System.Security.Claims;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Features.Agreements;

/// <summary>
/// Who may do what with a supplier's agreements and file releases. Analysts, legal reviewers and executives read them;
/// the supplier's owner and collaborators and legal reviewers record and change them; the signed copies and the release
/// ledger's export go to legal reviewers, executives and the supplier's team only. Administrators keep the clause library.
/// </summary>
internal static class AgreementAccess
{
    public static readonly string[] Readers = [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive];

    public static readonly string[] Editors = [AppRoles.Analyst, AppRoles.LegalReviewer];

    public const string EditorsOnly = "Only legal reviewers and the supplier's owner and collaborators";

    public static bool CanEdit(ClaimsPrincipal user, IOwnedRecord supplier) =>
        user.IsInRole(AppRoles.LegalReviewer) || RecordAccess.IsTeamMember(user, supplier);

    /// <summary>The signed copies and the ledger's export: legal, executives and the supplier's team.</summary>
    public static bool CanOpenFiles(ClaimsPrincipal user, IOwnedRecord supplier) =>
        user.IsInRole(AppRoles.Executive) || CanEdit(user, supplier);

    public static void RequireEdit(ClaimsPrincipal user, IOwnedRecord supplier, string action)
    {
        if (!CanEdit(user, supplier))
        {
            throw new ForbiddenException($"{EditorsOnly} can {action}.");
        }
    }
}
