using System.Net;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace DueDiligence.Web.Features.Account;

public enum PasswordResetOutcome
{
    Reset,

    /// <summary>Expired, used already, tampered with, for another account or for an account that no longer exists: one outcome, one message.</summary>
    LinkNotValid,

    /// <summary>The new password breaks a rule; the link stays valid.</summary>
    NewPasswordRefused,
}

public sealed record PasswordResetResult(PasswordResetOutcome Outcome, IReadOnlyList<string> NewPasswordErrors)
{
    public static PasswordResetResult Of(PasswordResetOutcome outcome) => new(outcome, []);
}

/// <summary>
/// Sets a new password through an administrator's reset link (<see cref="PasswordResetTokenProvider"/>), with
/// <see cref="UserManager{TUser}.ResetPasswordAsync"/> so every password rule applies. Setting it changes the security
/// stamp: the link and any other link issued before it stop working, and the account's open sessions end. A lock after
/// failed sign-ins is lifted (the administrator vouched for the person); a lock set by an administrator is not.
/// </summary>
public sealed class ResetPassword(UserManager<AppUser> users, SecurityEvents audit, ILogger<ResetPassword> logger)
{
    /// <summary>True when the link would let its holder set a password now (checked again when the form is posted).</summary>
    public async Task<bool> IsValidAsync(string? userId, string? token) =>
        await ValidAccountAsync(userId, token) is not null;

    public async Task<PasswordResetResult> ResetAsync(string? userId, string? token, string newPassword, IPAddress? client)
    {
        var user = await ValidAccountAsync(userId, token);
        if (user is null)
        {
            logger.LogWarning("Password reset from {ClientAddress} refused: the link is expired, used, altered or for no account.", client);
            return PasswordResetResult.Of(PasswordResetOutcome.LinkNotValid);
        }

        var reset = await users.ResetPasswordAsync(user, token!, newPassword);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? PasswordResetResult.Of(PasswordResetOutcome.LinkNotValid)
                : new(PasswordResetOutcome.NewPasswordRefused, reset.Errors.Select(e => e.Description).ToList());
        }

        if (user.LockoutEnd is not null && !user.IsLockedByAdministrator)
        {
            await users.SetLockoutEndDateAsync(user, null);
        }

        await users.ResetAccessFailedCountAsync(user);
        var email = user.Email ?? user.Id;
        logger.LogInformation("Password of account {UserId} set through a reset link from {ClientAddress}.", user.Id, client);
        await audit.RecordAsync(SecurityEvent.PasswordReset, user.Id, email, user.Email, client?.ToString());
        return PasswordResetResult.Of(PasswordResetOutcome.Reset);
    }

    private async Task<AppUser?> ValidAccountAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token)
            ? user
            : null;
    }
}
