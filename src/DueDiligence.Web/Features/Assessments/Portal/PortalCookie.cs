using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>
/// The supplier's portal session: after a link is opened, the browser holds the invitation's id and the hash of the link
/// it came from, protected (encrypted and signed) with the app's data-protection keys, so the address bar and history no
/// longer carry the secret. A re-issued or withdrawn link ends every session that came from it.
/// </summary>
internal static class PortalCookie
{
    public const string Name = "DueDiligence.Portal";

    private const string Purpose = "DueDiligence.Portal.Session.v1";

    private static readonly HostPrefixedCookieManager Cookies = new();

    public static void Write(HttpContext context, IDataProtectionProvider protection, Guid invitationId, string tokenHash, DateTime expiresAtUtc) =>
        Cookies.AppendResponseCookie(context, Name, protection.CreateProtector(Purpose).Protect($"{invitationId:N}.{tokenHash}"), new CookieOptions
        {
            HttpOnly = true,
            // Lax: the link is opened from an e-mail (another site) and redirects here; posts from other sites never carry it.
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            Expires = expiresAtUtc,
            IsEssential = true,
        });

    public static bool IsPresent(HttpContext context) => Cookies.GetRequestCookie(context, Name) is not null;

    public static (Guid InvitationId, string TokenHash)? Read(HttpContext? context, IDataProtectionProvider protection)
    {
        if (context is null || Cookies.GetRequestCookie(context, Name) is not { } value)
        {
            return null;
        }

        try
        {
            var parts = protection.CreateProtector(Purpose).Unprotect(value).Split('.');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id) ? (id, parts[1]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
