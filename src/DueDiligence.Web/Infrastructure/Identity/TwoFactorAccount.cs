using Microsoft.AspNetCore.Identity;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>What turning two-factor authentication off means, for the user's own choice and an administrator's reset alike.</summary>
public static class TwoFactorAccount
{
    /// <summary>Off, with a new key (a phone that still holds the old one makes no valid code) and no recovery codes left.</summary>
    public static async Task<IdentityResult> TurnOffAsync(UserManager<AppUser> users, AppUser user)
    {
        var off = await users.SetTwoFactorEnabledAsync(user, false);
        if (!off.Succeeded)
        {
            return off;
        }

        var newKey = await users.ResetAuthenticatorKeyAsync(user);
        if (!newKey.Succeeded)
        {
            return newKey;
        }

        // Zero new codes: the old ones are gone.
        return await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0) is null
            ? IdentityResult.Failed(new IdentityError { Description = "The recovery codes could not be removed." })
            : IdentityResult.Success;
    }
}
