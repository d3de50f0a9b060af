using System.Security.Claims;
using DueDiligence.Domain.Common;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>
/// Who may do what with a record an analyst owns (a supplier, a sourcing project): every role that reads the register
/// reads it; its owner and collaborators, while they are analysts, change it and start its work; its owner or an
/// administrator hands it over and chooses its collaborators.
/// </summary>
public static class RecordAccess
{
    public static bool IsTeamMember(ClaimsPrincipal user, IOwnedRecord record) =>
        user.IsInRole(AppRoles.Analyst) && record.IsTeamMember(user.FindFirstValue(ClaimTypes.NameIdentifier));

    public static bool CanManageTeam(ClaimsPrincipal user, IOwnedRecord record) =>
        user.IsInRole(AppRoles.Admin)
        || (user.IsInRole(AppRoles.Analyst) && user.FindFirstValue(ClaimTypes.NameIdentifier) == record.OwnerId);

    /// <summary>Why the user may not do this, for a disabled button: "Only the owner (Ana Lim) and collaborators can edit this supplier."</summary>
    public static string TeamOnly(IOwnedRecord record, string action) =>
        $"Only the owner ({record.OwnerName}) and collaborators can {action}.";

    public static string OwnerOnly(IOwnedRecord record, string action) =>
        $"Only the owner ({record.OwnerName}) or an administrator can {action}.";

    /// <summary>Throws <see cref="ForbiddenException"/> unless the user is the record's owner or a collaborator.</summary>
    public static void RequireTeamMember(ClaimsPrincipal user, IOwnedRecord record, string action)
    {
        if (!IsTeamMember(user, record))
        {
            throw new ForbiddenException(TeamOnly(record, action));
        }
    }

    public static void RequireTeamManager(ClaimsPrincipal user, IOwnedRecord record, string action)
    {
        if (!CanManageTeam(user, record))
        {
            throw new ForbiddenException(OwnerOnly(record, action));
        }
    }
}
