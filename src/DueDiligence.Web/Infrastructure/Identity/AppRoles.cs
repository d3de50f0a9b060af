namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>The roles of PRODUCT.md; role names are stored in the database and must not change.</summary>
public static class AppRoles
{
    public const string Analyst = "Analyst";
    public const string LegalReviewer = "LegalReviewer";
    public const string Executive = "Executive";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Analyst, LegalReviewer, Executive, Admin];

    public static string DisplayName(string role) => role switch
    {
        Analyst => "Procurement analyst",
        LegalReviewer => "Legal reviewer",
        Executive => "Executive",
        Admin => "Administrator",
        _ => role,
    };
}
