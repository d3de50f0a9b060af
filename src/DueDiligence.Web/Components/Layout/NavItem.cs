namespace DueDiligence.Web.Components.Layout;

/// <summary>One entry of the side navigation (its icon is MudBlazor SVG markup) and the roles that see it (empty: every signed-in user).</summary>
public sealed record NavItem(string Text, string Path, string Icon, IReadOnlyList<string> Roles, string? Group = null)
{
    public bool IsVisibleTo(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (Roles.Count == 0 || Roles.Any(user.IsInRole));
}
