using System.Net;
using System.Security.Claims;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Features.Account;

/// <summary>
/// Turns the person the OpenID Connect provider vouched for (the principal of Identity's external cookie, already
/// checked by the handler) into a signed-in DueDiligence user: finds the account linked to the provider's issuer and
/// subject, or links one by verified e-mail, or creates one when allowed; sets the account's roles from the provider's
/// role claim through <c>Sso:RoleMap</c> at every sign-in; refuses locked accounts and people without a mapped role;
/// and issues the same cookie as a password sign-in. No token reaches the log or the audit trail.
/// </summary>
public sealed class SsoSignIn(SignInManager<AppUser> signIn, IOptions<SsoOptions> options, SecurityEvents audit, ILogger<SsoSignIn> logger)
{
    /// <summary>Longest issuer and subject an account link can hold (the key columns of AspNetUserLogins).</summary>
    private const int LongestKey = 450;

    /// <summary>Null when signed in; otherwise why not.</summary>
    public async Task<SsoRefusal?> SignInAsync(ClaimsPrincipal external, IPAddress? client)
    {
        var sso = options.Value;
        var person = ProviderPerson.Of(external, sso.RoleClaim);
        if (person is null)
        {
            await RefuseAsync(null, null, client, "the provider's answer has no subject", SsoRefusal.ProviderAnswerRejected);
            return SsoRefusal.ProviderAnswerRejected;
        }

        var user = await FindOrLinkAsync(person, sso);
        if (user is null)
        {
            return await RefuseAsync(person, null, client, "no account is linked to this person and none may be linked or created", SsoRefusal.NoAccount);
        }

        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            return await RefuseAsync(person, user, client, "account locked", SsoRefusal.Locked);
        }

        var roles = sso.MapRoles(person.ProviderRoles);
        if (roles.Count == 0)
        {
            return await RefuseAsync(person, user, client, $"none of the values of the claim \"{sso.RoleClaim}\" maps to a role", SsoRefusal.NoRole);
        }

        await SetRolesAsync(user, roles);
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "sso");
        logger.LogInformation(
            "Single sign-on of account {UserId} (subject {Subject} at {Issuer}) from {ClientAddress} succeeded with roles {Roles}.",
            user.Id, person.Subject, person.Issuer, client, string.Join(", ", roles));
        await audit.RecordAsync(SecurityEvent.SignIn, user.Id, user.Email ?? person.Subject, user.Email, client?.ToString(), $"single sign-on ({sso.DisplayName})");
        return null;
    }

    /// <summary>The linked account; the first time, an account with the provider's verified e-mail, or a new one.</summary>
    private async Task<AppUser?> FindOrLinkAsync(ProviderPerson person, SsoOptions sso)
    {
        var users = signIn.UserManager;
        if (person.Issuer.Length > LongestKey || person.Subject.Length > LongestKey)
        {
            return null;
        }

        if (await users.FindByLoginAsync(person.Issuer, person.Subject) is { } linked)
        {
            return linked;
        }

        if (person.Email is null)
        {
            return null;
        }

        var login = new UserLoginInfo(person.Issuer, person.Subject, sso.DisplayName);
        if (await users.FindByEmailAsync(person.Email) is { } existing)
        {
            // An address the provider does not vouch for could be anybody's; an account linked to another person at this
            // provider stays theirs.
            var trusted = person.EmailVerified || sso.TrustUnverifiedEmail;
            var linkedElsewhere = (await users.GetLoginsAsync(existing)).Any(l => l.LoginProvider == person.Issuer);
            return trusted && !linkedElsewhere && (await users.AddLoginAsync(existing, login)).Succeeded ? existing : null;
        }

        if (!sso.AutoCreateUsers)
        {
            return null;
        }

        var created = new AppUser { UserName = person.Email, Email = person.Email, EmailConfirmed = person.EmailVerified, DisplayName = person.Name ?? "" };
        var result = await users.CreateAsync(created);
        if (!result.Succeeded)
        {
            logger.LogWarning("Single sign-on could not create an account for subject {Subject} at {Issuer}: {Errors}", person.Subject, person.Issuer, string.Join(" ", result.Errors.Select(e => e.Code)));
            return null;
        }

        return (await users.AddLoginAsync(created, login)).Succeeded ? created : null;
    }

    /// <summary>The provider decides the roles: added and removed to match (which changes the security stamp only when they differ).</summary>
    private async Task SetRolesAsync(AppUser user, IReadOnlySet<string> roles)
    {
        var users = signIn.UserManager;
        var current = await users.GetRolesAsync(user);
        var removed = current.Where(r => !roles.Contains(r)).ToList();
        var added = roles.Where(r => !current.Contains(r)).ToList();
        if (removed.Count > 0)
        {
            await users.RemoveFromRolesAsync(user, removed);
        }

        if (added.Count > 0)
        {
            await users.AddToRolesAsync(user, added);
        }
    }

    private async Task<SsoRefusal> RefuseAsync(ProviderPerson? person, AppUser? user, IPAddress? client, string reason, SsoRefusal refusal)
    {
        var email = user?.Email ?? person?.Email;
        logger.LogWarning(
            "Single sign-on of account {UserId} (subject {Subject} at {Issuer}) from {ClientAddress} refused: {Reason}.",
            user?.Id ?? SecurityEvents.UnknownAccount, person?.Subject, person?.Issuer, client, reason);
        await audit.RecordAsync(SecurityEvent.SignInRefused, user?.Id, email ?? SecurityEvents.UnknownAccount, email, client?.ToString(), $"single sign-on: {reason}");
        return refusal;
    }

    /// <summary>What the provider said about the person, in the id token's own claim names.</summary>
    private sealed record ProviderPerson(string Issuer, string Subject, string? Email, bool EmailVerified, string? Name, IReadOnlyList<string> ProviderRoles)
    {
        public static ProviderPerson? Of(ClaimsPrincipal external, string roleClaim)
        {
            var subject = external.FindFirst("sub");
            if (subject is null || string.IsNullOrEmpty(subject.Value) || string.IsNullOrEmpty(subject.Issuer))
            {
                return null;
            }

            var email = external.FindFirstValue("email");
            return new ProviderPerson(
                subject.Issuer,
                subject.Value,
                string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
                string.Equals(external.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase),
                external.FindFirstValue("name"),
                external.FindAll(roleClaim).Select(c => c.Value).ToList());
        }
    }
}
