using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Components.Layout;

/// <summary>The one list of navigation entries; pages enforce the same roles with [Authorize].</summary>
public static class Navigation
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("Home", "/", "home", []),
        new("Dashboard", "/dashboard", "dashboard", []),
        new("Suppliers", "/suppliers", "factory", []),
        new("Assessments", "/assessments", "fact_check", [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive]),
        new("Sourcing", "/sourcing", "compare_arrows", [AppRoles.Analyst, AppRoles.Executive, AppRoles.LegalReviewer]),
        new("Jurisdictions", "/jurisdictions", "public", []),
        new("Users", "/admin/users", "manage_accounts", [AppRoles.Admin], "Administration"),
        new("Templates", "/admin/templates", "quiz", [AppRoles.Admin], "Administration"),
        new("Audit log", "/admin/audit", "history", [AppRoles.Admin], "Administration"),
    ];
}
