using System.Security.Cryptography;
using System.Text;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>
/// Identity's store, except that two-factor recovery codes are kept as salted SHA-256 hashes (ASVS 4.0.3 2.6.2–2.6.3:
/// a lookup secret of fewer than 112 bits — Identity's have about 47 — must be salted and hashed), so that whoever reads
/// the database cannot sign in with them. Each code has a salt of its own; a code of the earlier plain format still
/// redeems once.
/// </summary>
public sealed class AppUserStore(AppDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, AppDbContext>(context, describer)
{
    // Where Identity's store keeps the codes (UserStoreBase's private constants).
    private const string CodesProvider = "[AspNetUserStore]";
    private const string CodesName = "RecoveryCodes";
    private const string HashedPrefix = "s256$";

    public override Task ReplaceCodesAsync(AppUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(Hash), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(code);
        var stored = (await GetTokenAsync(user, CodesProvider, CodesName, cancellationToken) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
        var match = stored.FirstOrDefault(entry => Matches(entry, code));
        if (match is null)
        {
            return false;
        }

        // The others are stored as they are (already hashed); Identity's update then saves the account.
        await base.ReplaceCodesAsync(user, stored.Where(entry => !ReferenceEquals(entry, match)), cancellationToken);
        return true;
    }

    private static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{HashedPrefix}{Convert.ToBase64String(salt)}${Convert.ToBase64String(Digest(salt, code))}";
    }

    private static bool Matches(string entry, string code)
    {
        if (!entry.StartsWith(HashedPrefix, StringComparison.Ordinal))
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(entry), Encoding.UTF8.GetBytes(code));
        }

        var parts = entry[HashedPrefix.Length..].Split('$');
        return parts.Length == 2
            && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(parts[1]), Digest(Convert.FromBase64String(parts[0]), code));
    }

    private static byte[] Digest(byte[] salt, string code) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(code)]);
}
