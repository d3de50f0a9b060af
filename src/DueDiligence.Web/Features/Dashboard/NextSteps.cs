using System.Security.Claims;
using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Features.Dashboard;

/// <summary>A suggestion on the home page for one role.</summary>
internal sealed record NextStep(string Role, string Title, string Text, string? Link = null, string? LinkText = null);

/// <summary>What each role should do next; shown on the home page.</summary>
internal static class NextSteps
{
    private static readonly IReadOnlyList<NextStep> All =
    [
        new(AppRoles.Analyst, "Assess a candidate supplier",
            "Register the supplier with its sites, subcontractors and the IP you would share, then run the due-diligence questionnaire with its evidence and submit it to legal review.",
            "/suppliers/new", "Register a supplier"),
        new(AppRoles.LegalReviewer, "Review jurisdiction risk",
            "Rate the countries where our IP would be exposed, then review submitted assessments: verify evidence, add findings and contract conditions, forward or return them.",
            "/jurisdictions", "Open the jurisdictions"),
        new(AppRoles.Executive, "Decide",
            "Open the assessments awaiting your decision, read the one-screen summary and approve, approve with conditions or reject. Download the PDF risk summary for the record.",
            "/assessments?queue=Decision", "Decisions waiting"),
        new(AppRoles.Admin, "Run the workspace",
            "Create accounts and assign roles, maintain the questionnaire templates, and check the audit trail.", "/admin/users", "Manage users"),
    ];

    public static IReadOnlyList<NextStep> For(ClaimsPrincipal user) => All.Where(s => user.IsInRole(s.Role)).ToList();
}
