using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>Claims DueDiligence adds to the sign-in cookie beyond Identity's own.</summary>
public static class AppClaims
{
    public const string DisplayName = "dd:display_name";

    /// <summary>When the session began (ISO 8601, UTC): the start of its absolute lifetime (<see cref="SessionValidity"/>).</summary>
    public const string SignedInAt = "dd:signed_in_at";

    /// <summary>A random id of the session, made at sign-in: tells apart sessions of one account that began at the same moment.</summary>
    public const string SessionId = "dd:session";

    /// <summary>The name colleagues know the user by, or the sign-in name when none is set.</summary>
    public static string DisplayNameOf(ClaimsPrincipal user) =>
        user.FindFirst(DisplayName)?.Value ?? user.Identity?.Name ?? "";
}

/// <summary>Puts the user's display name into the cookie so the header can greet them without a query.</summary>
internal sealed class AppUserClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<Microsoft.AspNetCore.Identity.IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, Microsoft.AspNetCore.Identity.IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        }

        return identity;
    }
}
