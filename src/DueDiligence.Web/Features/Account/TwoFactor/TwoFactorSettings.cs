using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Features.Account.TwoFactor;

/// <summary>The signed-in user's two-factor authentication as the page shows it; <see cref="SetUp"/> only while it is off.</summary>
public sealed record TwoFactorState(bool Enabled, bool Required, int RecoveryCodesLeft, AuthenticatorSetupCode? SetUp);

/// <summary>Done, with the recovery codes to show once (or none), or refused with a sentence.</summary>
public sealed record TwoFactorChange(bool Succeeded, string? Error, IReadOnlyList<string> RecoveryCodes)
{
    public static TwoFactorChange Done(IEnumerable<string>? codes = null) => new(true, null, codes?.ToList() ?? []);

    public static TwoFactorChange Refused(string error) => new(false, error, []);
}

/// <summary>
/// Setting up, renewing and turning off one's own authenticator app. Turning it on needs a code from the app (so the
/// app is known to work); new recovery codes and turning it off need the password (counted like a sign-in, towards
/// the lockout). Turning it off is refused when a role of the user requires it (<see cref="MfaOptions"/>). Each change
/// is a security event; the session is renewed after it, because the change gives the account a new security stamp
/// (which ends the user's other sessions).
/// </summary>
public sealed class TwoFactorSettings(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, CurrentUser currentUser, SignInAttempts attempts, SecurityEvents audit, IOptions<MfaOptions> policy)
{
    public const string Path = IdentitySetup.TwoFactorPath;

    public const string WrongCode = "That code is not right. Type the 6 digits the app shows now; a code can be used only once.";

    public async Task<TwoFactorState> GetStateAsync()
    {
        var (user, principal) = await MeAsync();
        var required = policy.Value.RequiresTwoFactor(principal);
        if (user.TwoFactorEnabled)
        {
            return new TwoFactorState(true, required, await users.CountRecoveryCodesAsync(user), null);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return new TwoFactorState(false, required, 0, AuthenticatorSetupCode.For(user.Email ?? user.UserName ?? "", key!));
    }

    public async Task<TwoFactorChange> TurnOnAsync(string code)
    {
        var (user, _) = await MeAsync();
        if (user.TwoFactorEnabled)
        {
            return TwoFactorChange.Refused("Two-factor authentication is already on.");
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
        {
            return TwoFactorChange.Refused(WrongCode);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count);
        await signIn.RefreshSignInAsync(user);
        await RecordAsync(SecurityEvent.MfaEnabled, user, "authenticator app");
        return TwoFactorChange.Done(codes);
    }

    public async Task<TwoFactorChange> NewRecoveryCodesAsync(string password)
    {
        var (user, _) = await MeAsync();
        if (!user.TwoFactorEnabled)
        {
            return TwoFactorChange.Refused("Set up an authenticator app first.");
        }

        if (await CheckPasswordAsync(user, password) is { } refused)
        {
            return TwoFactorChange.Refused(refused);
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count);
        await RecordAsync(SecurityEvent.RecoveryCodesRegenerated, user, "the earlier codes no longer work");
        return TwoFactorChange.Done(codes);
    }

    public async Task<TwoFactorChange> TurnOffAsync(string password)
    {
        var (user, principal) = await MeAsync();
        if (policy.Value.RequiresTwoFactor(principal))
        {
            return TwoFactorChange.Refused("Your role requires two-factor authentication, so it cannot be turned off. To move it to a new phone, ask an administrator to reset it.");
        }

        if (!user.TwoFactorEnabled)
        {
            return TwoFactorChange.Refused("Two-factor authentication is already off.");
        }

        if (await CheckPasswordAsync(user, password) is { } refused)
        {
            return TwoFactorChange.Refused(refused);
        }

        var off = await TwoFactorAccount.TurnOffAsync(users, user);
        if (!off.Succeeded)
        {
            return TwoFactorChange.Refused(string.Join(" ", off.Errors.Select(e => e.Description)));
        }

        await signIn.RefreshSignInAsync(user);
        await RecordAsync(SecurityEvent.MfaDisabled, user, "by the user");
        return TwoFactorChange.Done();
    }

    /// <summary>Null when the password is right; else why not. Counted like a sign-in attempt.</summary>
    private async Task<string?> CheckPasswordAsync(AppUser user, string password)
    {
        const string Wrong = "The password is not right, or the account is locked after too many wrong passwords.";
        if (!await attempts.TryStartCheckAsync(user.Id))
        {
            return Wrong;
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            var lockedNow = await attempts.FailedAsync(user.Id);
            await RecordAsync(SecurityEvent.SignInRefused, user, "wrong password on the two-factor page");
            if (lockedNow)
            {
                await RecordAsync(SecurityEvent.Lockout, user, "too many wrong passwords");
            }

            return Wrong;
        }

        await attempts.SucceededAsync(user.Id);
        return null;
    }

    private async Task<(AppUser User, System.Security.Claims.ClaimsPrincipal Principal)> MeAsync()
    {
        var principal = await currentUser.GetPrincipalAsync();
        var user = await users.GetUserAsync(principal) ?? throw new ForbiddenException("Sign in to manage two-factor authentication.");
        return (user, principal);
    }

    private Task RecordAsync(SecurityEvent kind, AppUser user, string reason) =>
        audit.RecordAsync(kind, user.Id, user.Email ?? user.Id, user.Email, signIn.Context.Connection.RemoteIpAddress?.ToString(), reason);
}
