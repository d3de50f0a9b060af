namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>The demo accounts the app seeds (README), by role.</summary>
public static class DemoLogins
{
    public sealed record Login(string Email, string Password);

    public static Login For(string role) => role switch
    {
        "Analyst" => new("analyst@demo.local", "Demo-Analyst-2026"),
        "LegalReviewer" => new("legal@demo.local", "Demo-Legal-2026"),
        "Executive" => new("executive@demo.local", "Demo-Executive-2026"),
        "Admin" => new("admin@demo.local", "Demo-Admin-2026"),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "No demo account for this role."),
    };
}
