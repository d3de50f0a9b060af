using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>
/// The user of the current circuit or request. Use cases ask it who is acting and whether the role allows it;
/// the audit trail asks it for the actor's name.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor, AuthenticationStateProvider authenticationStateProvider)
{
    /// <summary>The actor of work nobody started: migrations, seeding, scheduled jobs.</summary>
    public static readonly ClaimsPrincipal SystemPrincipal =
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "system"), new Claim(ClaimTypes.NameIdentifier, "system")], "system"));

    private ClaimsPrincipal? _principal;

    /// <summary>For work outside a user's circuit or request (start-up, seeding, child scopes): act as this principal.</summary>
    public void ActAs(ClaimsPrincipal principal) => _principal = principal;

    public async ValueTask<ClaimsPrincipal> GetPrincipalAsync()
    {
        if (_principal is not null)
        {
            return _principal;
        }

        // In a Blazor circuit the authentication state is the truth; in plain HTTP endpoints it is not set, HttpContext is.
        try
        {
            var state = await authenticationStateProvider.GetAuthenticationStateAsync();
            if (state.User.Identity?.IsAuthenticated == true)
            {
                return state.User;
            }
        }
        catch (InvalidOperationException)
        {
            // No authentication state outside Razor component rendering.
        }

        return httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
    }

    public async ValueTask<string> GetActorNameAsync()
    {
        var principal = await GetPrincipalAsync();
        if (principal.Identity?.IsAuthenticated == true)
        {
            return principal.Identity.Name ?? principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        }

        return "anonymous";
    }

    public async ValueTask<string?> GetUserIdAsync() =>
        (await GetPrincipalAsync()).FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The user as the domain records people: id and display name.</summary>
    public async ValueTask<DueDiligence.Domain.Assessments.Actor> GetActorAsync()
    {
        var principal = await GetPrincipalAsync();
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new ForbiddenException("Sign in first.");
        return new DueDiligence.Domain.Assessments.Actor(id, AppClaims.DisplayNameOf(principal));
    }

    public async ValueTask<bool> IsInRoleAsync(string role) => (await GetPrincipalAsync()).IsInRole(role);

    /// <summary>Throws <see cref="ForbiddenException"/> unless the user has one of the roles.</summary>
    public async ValueTask RequireAnyRoleAsync(params string[] roles)
    {
        var principal = await GetPrincipalAsync();
        if (!roles.Any(principal.IsInRole))
        {
            throw new ForbiddenException($"This needs the role {string.Join(" or ", roles.Select(AppRoles.DisplayName))}.");
        }
    }
}
