using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Admin.Users;

/// <summary>A reset link to hand to the person, or why none was issued.</summary>
public sealed record ResetLinkResult(string? Error, string Link = "", DateTimeOffset ValidUntil = default)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// An administrator issues a one-time link with which a person sets a new password of their own. The administrator
/// sees the link, never a password, and sets none; the current password keeps working until the link is used. The
/// issue is a security event (who issued it for whom, until when) — the link itself is neither audited nor logged.
/// </summary>
public sealed class IssuePasswordResetLink(
    OperationScope operations, CurrentUser currentUser, SecurityEvents audit, TimeProvider clock, IOptions<PasswordResetLinkOptions> options,
    ILogger<IssuePasswordResetLink> logger)
{
    /// <param name="baseUri">The app's address as the administrator's browser reaches it, for the link.</param>
    public async Task<ResetLinkResult> IssueAsync(string userId, string baseUri)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        if (userId == await currentUser.GetUserIdAsync())
        {
            // A stolen administrator session must not be able to take over the account without its password.
            return new("Change your own password with Change password at the top of the page; it asks for your current password.");
        }

        var administrator = await currentUser.GetActorNameAsync();
        var administratorId = await currentUser.GetUserIdAsync();
        return await operations.RunAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return new ResetLinkResult("This account no longer exists.");
            }

            if (user.IsLockedByAdministrator)
            {
                return new ResetLinkResult($"{user.DisplayName} is locked by an administrator. Unlock the account first, then issue the link.");
            }

            // The token is stamped a moment later, so the link lasts at least until the time shown.
            var validUntil = clock.GetUtcNow() + options.Value.Lifetime;
            var link = PasswordPages.ResetLink(baseUri, user.Id, await users.GeneratePasswordResetTokenAsync(user));
            var until = IsoDates.Moment(validUntil.UtcDateTime);
            logger.LogInformation("Password reset link for account {UserId} issued by account {AdministratorId}, valid until {ValidUntil}.", user.Id, administratorId, until);
            await audit.RecordAsync(SecurityEvent.PasswordResetIssued, user.Id, administrator, user.Email, null, $"link valid until {until}");
            return new ResetLinkResult(null, link, validUntil);
        });
    }
}
