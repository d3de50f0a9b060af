using System.Net;
using System.Security.Claims;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace DueDiligence.Web.Features.Account;

public enum PasswordChangeOutcome
{
    Changed,
    WrongCurrentPassword,

    /// <summary>The account is locked after too many wrong passwords (sign-ins and password changes count alike).</summary>
    Locked,

    /// <summary>This wrong current password was the one too many: the account is now locked and this browser signed out.</summary>
    LockedAndSignedOut,
    TooManyAttempts,

    /// <summary>The new password breaks a rule (length, guessable, the same as the current one); the current one was right.</summary>
    NewPasswordRefused,
}

public sealed record PasswordChangeResult(PasswordChangeOutcome Outcome, IReadOnlyList<string> NewPasswordErrors)
{
    public static PasswordChangeResult Of(PasswordChangeOutcome outcome) => new(outcome, []);
}

/// <summary>
/// A signed-in user changes their own password, proving the current one. The current password is checked like a
/// sign-in (<see cref="SignInAttempts"/>): a wrong one counts toward the lockout, and the fifth locks the account and
/// signs this browser out, so a stolen session cannot be used to guess the password. The new password goes through
/// <see cref="UserManager{TUser}.ChangePasswordAsync"/> (every password rule applies), which changes the security stamp:
/// the user's other sessions end, this browser is signed in again with the new stamp.
/// </summary>
public sealed class ChangePassword(
    SignInManager<AppUser> signIn, SignInAttempts attempts, SignInRateLimits limits, SecurityEvents audit, ILogger<ChangePassword> logger)
{
    public async Task<PasswordChangeResult> ChangeAsync(ClaimsPrincipal principal, string currentPassword, string newPassword, IPAddress? client)
    {
        var users = signIn.UserManager;
        var userId = users.GetUserId(principal) ?? throw new ForbiddenException("Sign in first.");
        var email = principal.Identity?.Name ?? userId;
        if (!limits.TryAcquireForAccount(email))
        {
            logger.LogWarning("Password change of account {UserId} from {ClientAddress} refused: too many attempts for this account.", userId, client);
            await audit.RecordAsync(SecurityEvent.SignInRefused, userId, email, email, client?.ToString(), "password change: too many attempts for this account");
            return PasswordChangeResult.Of(PasswordChangeOutcome.TooManyAttempts);
        }

        if (!await attempts.TryStartCheckAsync(userId))
        {
            logger.LogWarning("Password change of account {UserId} from {ClientAddress} refused: account locked.", userId, client);
            await audit.RecordAsync(SecurityEvent.SignInRefused, userId, email, email, client?.ToString(), "password change: account locked");
            return PasswordChangeResult.Of(PasswordChangeOutcome.Locked);
        }

        // Read after the check was counted, so that saving the new password writes the count as it is now.
        var user = await users.FindByIdAsync(userId) ?? throw new ForbiddenException("This account no longer exists.");
        if (user.PasswordHash is null || users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
        {
            return await WrongCurrentPasswordAsync(user, email, client);
        }

        var changed = currentPassword == newPassword
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordUnchanged", Description = "Choose a new password, not your current one." })
            : await users.ChangePasswordAsync(user, currentPassword, newPassword);
        await attempts.SucceededAsync(userId);
        if (!changed.Succeeded)
        {
            return new(PasswordChangeOutcome.NewPasswordRefused, changed.Errors.Select(e => e.Description).ToList());
        }

        // The new security stamp ends the user's other sessions; this one carries on with it.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Password of account {UserId} changed by its user from {ClientAddress}.", userId, client);
        await audit.RecordAsync(SecurityEvent.PasswordChanged, userId, email, user.Email, client?.ToString());
        return PasswordChangeResult.Of(PasswordChangeOutcome.Changed);
    }

    private async Task<PasswordChangeResult> WrongCurrentPasswordAsync(AppUser user, string email, IPAddress? client)
    {
        var lockedNow = await attempts.FailedAsync(user.Id);
        logger.LogWarning("Password change of account {UserId} from {ClientAddress} refused: {Reason}.", user.Id, client, lockedNow ? "wrong current password; account now locked" : "wrong current password");
        await audit.RecordAsync(SecurityEvent.SignInRefused, user.Id, email, email, client?.ToString(), "password change: wrong current password");
        if (!lockedNow)
        {
            return PasswordChangeResult.Of(PasswordChangeOutcome.WrongCurrentPassword);
        }

        await audit.RecordAsync(SecurityEvent.Lockout, user.Id, email, email, client?.ToString(), "too many wrong passwords");
        await signIn.SignOutAsync();
        return PasswordChangeResult.Of(PasswordChangeOutcome.LockedAndSignedOut);
    }
}
