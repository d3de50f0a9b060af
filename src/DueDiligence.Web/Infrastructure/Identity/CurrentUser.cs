using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>
/// The user of the current circuit or request. Use cases ask it who is acting and whether the role allows it;
/// the audit trail asks it for the actor's name. The session of a circuit or request is checked on every call
/// (<see cref="SessionValidity"/>): once it has ended, every call throws <see cref="ForbiddenException"/> and the
/// circuit becomes signed out, so its page goes to the sign-in page.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor, AuthenticationStateProvider authenticationStateProvider, SessionValidity sessions)
{
    /// <summary>The actor of work nobody started: migrations, seeding, scheduled jobs.</summary>
    public static readonly ClaimsPrincipal SystemPrincipal =
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "system"), new Claim(ClaimTypes.NameIdentifier, "system")], "system"));

    private ClaimsPrincipal? _principal;

    private string? _sessionEnded;

    /// <summary>
    /// For work outside a user's circuit or request (start-up, seeding, child scopes of a checked session): act as this
    /// principal, which is trusted as given.
    /// </summary>
    public void ActAs(ClaimsPrincipal principal) => _principal = principal;

    public async ValueTask<ClaimsPrincipal> GetPrincipalAsync()
    {
        if (_principal is not null)
        {
            return _principal;
        }

        var principal = await SessionPrincipalAsync();
        if (principal.Identity?.IsAuthenticated == true && _sessionEnded is null)
        {
            _sessionEnded = await sessions.EndedBecauseAsync(principal, httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString());
            if (_sessionEnded is not null && authenticationStateProvider is IHostEnvironmentAuthenticationStateProvider circuit)
            {
                circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
            }
        }

        return _sessionEnded is null
            ? principal
            : throw new ForbiddenException($"Your session has ended: {_sessionEnded}. Sign in again.");
    }

    /// <summary>The principal of the circuit, or of the request outside one.</summary>
    private async ValueTask<ClaimsPrincipal> SessionPrincipalAsync()
    {
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
