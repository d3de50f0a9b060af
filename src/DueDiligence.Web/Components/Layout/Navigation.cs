using DueDiligence.Web.Infrastructure.Identity;
using MudBlazor;

namespace DueDiligence.Web.Components.Layout;

/// <summary>The one list of navigation entries; pages enforce the same roles with [Authorize].</summary>
public static class Navigation
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("Home", "/", Icons.Material.Outlined.Home, []),
        new("My work", "/my-work", Icons.Material.Outlined.AssignmentInd, [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive]),
        new("Dashboard", "/dashboard", Icons.Material.Outlined.Dashboard, []),
        new("Suppliers", "/suppliers", Icons.Material.Outlined.Factory, []),
        new("Assessments", "/assessments", Icons.Material.Outlined.FactCheck, [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive]),
        new("Changed since decision", "/changed-since-decision", Icons.Material.Outlined.NotificationImportant, [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive]),
        new("Delegation", "/assessments/delegation", Icons.Material.Outlined.SwitchAccount, [AppRoles.Executive]),
        new("Sourcing", "/sourcing", Icons.Material.Outlined.CompareArrows, [AppRoles.Analyst, AppRoles.Executive, AppRoles.LegalReviewer, AppRoles.Admin]),
        new("Tooling", "/tooling", Icons.Material.Outlined.Handyman, [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive, AppRoles.Admin]),
        new("Jurisdictions", "/jurisdictions", Icons.Material.Outlined.Public, []),
        new("IP rights", "/ip-rights", Icons.Material.Outlined.Copyright, []),
        new("Users", "/admin/users", Icons.Material.Outlined.ManageAccounts, [AppRoles.Admin], "Administration"),
        new("Templates", "/admin/templates", Icons.Material.Outlined.Quiz, [AppRoles.Admin], "Administration"),
        new("Clause library", "/admin/clauses", Icons.Material.Outlined.Gavel, [AppRoles.Admin], "Administration"),
        new("Approval rules", "/admin/approval-rules", Icons.Material.Outlined.Rule, [AppRoles.Admin], "Administration"),
        new("Webhooks", "/admin/webhooks", Icons.Material.Outlined.Webhook, [AppRoles.Admin], "Administration"),
        new("Audit log", "/admin/audit", Icons.Material.Outlined.History, [AppRoles.Admin], "Administration"),
        new("System", "/admin/system", Icons.Material.Outlined.MonitorHeart, [AppRoles.Admin], "Administration"),
    ];
}
