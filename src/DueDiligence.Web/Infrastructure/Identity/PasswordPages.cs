using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>Section <c>Passwords</c>: how long an administrator's password reset link stays valid.</summary>
public sealed class PasswordResetLinkOptions
{
    /// <summary>Hours from issue, 1 to 168 (a week); 24 unless set.</summary>
    public int ResetLinkHours { get; set; } = 24;

    public TimeSpan Lifetime => TimeSpan.FromHours(ResetLinkHours);
}

/// <summary>
/// The tokens of password reset links, as Identity's password reset token provider: the issue time (from
/// <see cref="TimeProvider"/>, so that tests can move the clock), the account, the purpose and the account's security
/// stamp, protected (encrypted and signed) by the app's data protection keys. A token is valid for
/// <see cref="PasswordResetLinkOptions.ResetLinkHours"/>, for its own account only, and only while the security stamp is
/// unchanged — setting the password changes it, so a link works once. Identity's own <c>DataProtectorTokenProvider</c>
/// reads the wall clock, hence this one.
/// </summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IOptions<PasswordResetLinkOptions> options)
    : IUserTwoFactorTokenProvider<AppUser>
{
    public const string ProviderName = "PasswordResetLink";

    private readonly IDataProtector _protector = protection.CreateProtector("DueDiligence.PasswordResetLink.v1");

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        using var payload = new MemoryStream();
        await using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose);
            writer.Write(await manager.GetSecurityStampAsync(user) ?? "");
        }

        return Base64Url.EncodeToString(_protector.Protect(payload.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        byte[] payload;
        try
        {
            payload = _protector.Unprotect(Base64Url.DecodeFromChars(token));
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false; // tampered, truncated, or protected by a key this app never had
        }

        using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
        var issued = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var now = clock.GetUtcNow();
        return issued <= now && now < issued + options.Value.Lifetime
            && reader.ReadString() == await manager.GetUserIdAsync(user)
            && reader.ReadString() == purpose
            && reader.ReadString() == (await manager.GetSecurityStampAsync(user) ?? "");
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);
}

/// <summary>The pages that set a password, the link to the reset page, and the registration of its tokens as Identity's password reset tokens.</summary>
public static class PasswordPages
{
    /// <summary>A signed-in user changes their own password.</summary>
    public const string ChangePath = "/account/password";

    /// <summary>Anyone holding a valid reset link sets the password of its account.</summary>
    public const string ResetPath = "/account/reset";

    /// <summary>The link to give the person: the app's address, the account and the token (already URL-safe).</summary>
    public static string ResetLink(string baseUri, string userId, string token) =>
        $"{baseUri.TrimEnd('/')}{ResetPath}?user={Uri.EscapeDataString(userId)}&token={token}";

    public static IServiceCollection AddPasswordResetLinks(this IServiceCollection services)
    {
        services.AddOptions<PasswordResetLinkOptions>()
            .BindConfiguration(PasswordStrengthOptions.SectionName)
            .Validate(options => options.ResetLinkHours is >= 1 and <= 168, "Passwords:ResetLinkHours must be a number of hours from 1 to 168 (a week); 24 is the default.")
            .ValidateOnStart();
        services.AddTransient<PasswordResetTokenProvider>();
        services.Configure<IdentityOptions>(options =>
        {
            options.Tokens.ProviderMap[PasswordResetTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(PasswordResetTokenProvider));
            options.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
        });
        return services;
    }
}
