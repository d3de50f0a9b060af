namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>One page of the app as a role sees it, with the demo record it shows.</summary>
public sealed record SitePage(string Name, string Path);

/// <summary>Every page each role can open, on the demo data: lists, forms and each record page in its interesting states.</summary>
public static class SitePages
{
    public static readonly string[] Roles = ["Analyst", "LegalReviewer", "Executive", "Admin"];

    public static async Task<IReadOnlyList<SitePage>> ForAsync(string role, DemoRecords records)
    {
        var supplier = await records.SupplierAsync("Brightpath Precision Moulding Co., Ltd.");
        var common = new List<SitePage>
        {
            new("home", "/"),
            new("dashboard", "/dashboard"),
            new("supplier list", "/suppliers"),
            new("supplier detail", $"/suppliers/{supplier}"),
            new("jurisdiction list", "/jurisdictions"),
            new("jurisdiction detail", "/jurisdictions/CN"),
            new("notifications", "/notifications"),
            new("tooling register", "/tooling"),
            new("IP rights", "/ip-rights"),
        };
        List<SitePage> register = [new("new IP right", "/ip-rights/new"), new("IP rights import", "/ip-rights/import")];
        if (role == "Admin")
        {
            var published = await records.TemplateVersionAsync("Published");
            return [.. common, new("users", "/admin/users"), new("audit log", "/admin/audit"), new("templates", "/admin/templates"),
                new("template editor", $"/admin/templates/{published}"), new("template preview", $"/admin/templates/{published}/preview"), new("approval rules", "/admin/approval-rules"), new("clause library", "/admin/clauses"), new("webhooks", "/admin/webhooks"), .. register];
        }

        var project = await records.SourcingProjectAsync();
        var participant = new List<SitePage>
        {
            new("assessment list", "/assessments"),
            new("sourcing projects", "/sourcing"),
            new("sourcing project", $"/sourcing/{project}"),
            new("decided assessment", $"/assessments/{await records.AssessmentAsync("Decided")}"),
        };
        var own = role switch
        {
            "Analyst" => new List<SitePage>
            {
                new("assessment wizard", $"/assessments/{await records.AssessmentAsync("Draft")}"),
                new("start assessment", "/assessments/start"),
                new("new supplier", "/suppliers/new"),
                new("edit supplier", $"/suppliers/{supplier}/edit"),
                new("supplier import", "/suppliers/import"),
                new("new sourcing project", "/sourcing/new"),
                new("register a tool", "/tooling/new"),
            },
            "LegalReviewer" => [new("legal review", $"/assessments/{await records.AssessmentAsync("LegalReview")}"),
                new("submitted assessment", $"/assessments/{await records.AssessmentAsync("Submitted")}"), .. register],
            _ => [new("decision view", $"/assessments/{await records.AssessmentAsync("AwaitingDecision")}"), new("delegation", "/assessments/delegation")],
        };
        return [.. common, .. participant, .. own];
    }
}
