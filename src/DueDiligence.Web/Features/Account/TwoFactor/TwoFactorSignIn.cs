using System.Net;
using System.Security.Claims;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace DueDiligence.Web.Features.Account.TwoFactor;

public enum SecondStepOutcome
{
    SignedIn,

    /// <summary>Wrong code, used code or locked account: one outcome, as for passwords.</summary>
    Refused,

    TooManyAttempts,

    /// <summary>No password was accepted in this browser in the last 5 minutes: sign in again.</summary>
    Expired,
}

/// <summary>
/// The second step of signing in, for accounts with two-factor authentication: after the right password only a
/// short-lived cookie naming the account is issued (Identity's two-factor user-id scheme, 5 minutes); the session
/// cookie comes when an authenticator code or an unused recovery code is given here. Each code counts like a password
/// in <see cref="SignInAttempts"/> (a wrong one towards the lockout; a locked account's code is not checked) and in the
/// per-account rate limit. For such an account a right password neither counts nor clears earlier failures: only a
/// right code does, so knowing the password does not buy more guesses at the code.
/// </summary>
public sealed class TwoFactorSignIn(
    SignInManager<AppUser> signIn, SignInAttempts attempts, SignInRateLimits limits, SecurityEvents audit, CurrentUser currentUser, ILogger<TwoFactorSignIn> logger)
{
    public const string Path = IdentitySetup.LoginTwoFactorPath;

    /// <summary>The right password was given for an account with two-factor authentication: the code is asked next.</summary>
    public Task BeginAsync(AppUser user) =>
        signIn.Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme)));

    /// <summary>The account whose password was accepted in this browser, while the second step is open.</summary>
    public async Task<AppUser?> PendingUserAsync()
    {
        var pending = await signIn.Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return pending.Principal?.FindFirstValue(ClaimTypes.Name) is { } userId ? await signIn.UserManager.FindByIdAsync(userId) : null;
    }

    public async Task<SecondStepOutcome> VerifyAsync(string code, IPAddress? client)
    {
        var user = await PendingUserAsync();
        if (user is null)
        {
            return SecondStepOutcome.Expired;
        }

        var email = user.Email ?? user.Id;
        var address = client?.ToString();
        if (!limits.TryAcquireForAccount(email))
        {
            await RefusedAsync(user, address, "too many attempts for this address");
            return SecondStepOutcome.TooManyAttempts;
        }

        if (!await attempts.TryStartCheckAsync(user.Id))
        {
            await RefusedAsync(user, address, "account locked");
            return SecondStepOutcome.Refused;
        }

        // Changes the check makes (a recovery code used up) are the account's own.
        currentUser.ActAs(await signIn.CreateUserPrincipalAsync(user));
        var recoveryCode = RecoveryCodes.Looks(code);
        var accepted = recoveryCode
            ? (await signIn.UserManager.RedeemTwoFactorRecoveryCodeAsync(user, RecoveryCodes.Normalise(code))).Succeeded
            : await signIn.UserManager.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code);
        if (!accepted)
        {
            var lockedNow = await attempts.FailedAsync(user.Id);
            await RefusedAsync(user, address, recoveryCode ? "wrong or used recovery code" : "wrong or used authenticator code");
            if (lockedNow)
            {
                await audit.RecordAsync(SecurityEvent.Lockout, user.Id, email, email, address, "too many wrong codes");
            }

            return SecondStepOutcome.Refused;
        }

        await attempts.SucceededAsync(user.Id);
        await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        logger.LogInformation("Sign-in of account {UserId} from {ClientAddress} succeeded with {Factor}.", user.Id, client, recoveryCode ? "a recovery code" : "an authenticator code");
        if (recoveryCode)
        {
            var left = await signIn.UserManager.CountRecoveryCodesAsync(user);
            await audit.RecordAsync(SecurityEvent.RecoveryCodeUsed, user.Id, email, email, address, $"{left} recovery codes left");
        }

        await audit.RecordAsync(SecurityEvent.SignIn, user.Id, email, email, address, recoveryCode ? "password and recovery code" : "password and authenticator code");
        return SecondStepOutcome.SignedIn;
    }

    private async Task RefusedAsync(AppUser user, string? address, string reason)
    {
        logger.LogWarning("Second sign-in step of account {UserId} from {ClientAddress} refused: {Reason}.", user.Id, address, reason);
        await audit.RecordAsync(SecurityEvent.SecondStepRefused, user.Id, user.Email ?? user.Id, user.Email, address, reason);
    }
}
