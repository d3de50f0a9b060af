using System.Security.Claims;
using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Features.Account.TwoFactor;

/// <summary>
/// The policy "two-factor authentication required for role X" (configuration section <c>Mfa</c>): off by default, so
/// that the demo users sign in with a password alone; when on, users of <see cref="RequiredForRoles"/> (in
/// appsettings.json: Admin and Executive) must set up an authenticator app before they can use anything else.
/// </summary>
public sealed class MfaOptions
{
    public const string Section = "Mfa";

    public bool Enabled { get; set; }

    /// <summary>Role names (AppRoles); empty entries are ignored, so that an environment variable can blank one out.</summary>
    public string[] RequiredForRoles { get; set; } = [];

    public IEnumerable<string> Roles => RequiredForRoles.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim());

    /// <summary>True when the policy is on and the user has a role that requires a second factor.</summary>
    public bool RequiresTwoFactor(ClaimsPrincipal user) => Enabled && Roles.Any(user.IsInRole);

    /// <summary>True when the policy is on and one of these roles requires a second factor.</summary>
    public bool RequiresTwoFactor(IEnumerable<string> roles) => Enabled && roles.Intersect(Roles, StringComparer.Ordinal).Any();

    internal bool HasKnownRoles() => Roles.All(AppRoles.All.Contains);
}
