using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Components.Layout;

/// <summary>The one list of navigation entries; pages enforce the same roles with [Authorize].</summary>
public static class Navigation
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("Home", "/", "home", []),
        new("Suppliers", "/suppliers", "factory", []),
        new("Jurisdictions", "/jurisdictions", "public", []),
        new("Users", "/admin/users", "manage_accounts", [AppRoles.Admin], "Administration"),
        new("Audit log", "/admin/audit", "history", [AppRoles.Admin], "Administration"),
    ];
}
