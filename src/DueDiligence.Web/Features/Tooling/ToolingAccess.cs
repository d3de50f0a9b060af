using System.Security.Claims;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Features.Tooling;

/// <summary>
/// Who does what with customer-owned tooling. Everyone who reads the supplier register reads the tooling register, each
/// tool and its photos. Analysts register, move and photograph tools; a tool at a supplier's site, or going to one, is the
/// business of that supplier's owner and collaborators, so an analyst outside that team is refused. A tool in-house is any
/// analyst's.
/// </summary>
internal static class ToolingAccess
{
    public const string Custodian = AppRoles.Analyst;

    public static readonly string[] Readers = [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive, AppRoles.Admin];

    /// <summary>Whether the user may change a tool kept at (or going to) <paramref name="supplier"/>; null is in-house.</summary>
    public static bool MayHandle(ClaimsPrincipal user, Supplier? supplier) =>
        user.IsInRole(Custodian) && (supplier is null || RecordAccess.IsTeamMember(user, supplier));

    /// <summary>Throws unless the user may change a tool at <paramref name="supplier"/>; the message names the supplier's owner.</summary>
    public static void RequireHandle(ClaimsPrincipal user, Supplier? supplier)
    {
        if (!user.IsInRole(Custodian))
        {
            throw new ForbiddenException($"This needs the role {AppRoles.DisplayName(Custodian)}.");
        }

        if (supplier is not null)
        {
            RecordAccess.RequireTeamMember(user, supplier, $"handle our tooling at {supplier.LegalName}'s sites");
        }
    }
}
