using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Features.IpRights;

/// <summary>
/// Who works with the IP rights register (docs/security.md): legal reviewers and administrators keep it (add, edit, remove,
/// import) and correct the treaty data; analysts and executives read it, and every role that reads a supplier reads its matrix.
/// </summary>
public static class IpRightsAccess
{
    public static readonly string[] Editors = [AppRoles.LegalReviewer, AppRoles.Admin];

    public static readonly string[] Readers = [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive, AppRoles.Admin];
}
