using System.Globalization;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace DueDiligence.Web.Features.Account.TwoFactor;

/// <summary>
/// The authenticator-app token provider (RFC 6238: 6 digits, 30-second steps, SHA-1, as every authenticator app
/// uses), in place of Identity's own: it reads the time from <see cref="TimeProvider"/> and accepts each code only
/// once. A code of the current step or the one before or after is accepted (clocks of phones drift); the step of the
/// last accepted code is kept per account (AspNetUserTokens) and a code of that step or an earlier one is refused, so
/// a code seen over someone's shoulder cannot be used again. The step is recorded with one conditional write, so of two
/// requests with the same code only one gets in.
/// </summary>
public sealed class AuthenticatorCodes(TimeProvider clock, IDbContextFactory<AppDbContext> contexts) : IUserTwoFactorTokenProvider<AppUser>
{
    public const int Digits = 6;

    internal const string StoreName = "[DueDiligence]";
    internal const string LastUsedStepName = "AuthenticatorLastUsedStep";

    private static readonly VerificationWindow DriftAllowed = new(previous: 1, future: 1);

    /// <summary>The app on the phone makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = token.Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || code.Length != Digits || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, DriftAllowed) && await TryUseStepAsync(user.Id, step);
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>True when no code of this step or a later one was accepted before; records the step.</summary>
    private async Task<bool> TryUseStepAsync(string userId, long step)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var row = db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == StoreName && t.Name == LastUsedStepName);
        var last = await row.Select(t => t.Value).SingleOrDefaultAsync();
        var value = step.ToString(CultureInfo.InvariantCulture);
        if (last is null)
        {
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = StoreName, Name = LastUsedStepName, Value = value });
            try
            {
                await db.SaveChangesAsync();
                return true;
            }
            catch (DbUpdateException)
            {
                return false; // another request recorded a step first
            }
        }

        return long.Parse(last, CultureInfo.InvariantCulture) < step
            && await row.Where(t => t.Value == last).ExecuteUpdateAsync(set => set.SetProperty(t => t.Value, value)) == 1;
    }
}
