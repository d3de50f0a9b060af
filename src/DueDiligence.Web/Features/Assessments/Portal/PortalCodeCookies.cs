using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>
/// The two cookies of the one-time code, both protected (encrypted and signed) with the app's data-protection keys like
/// <see cref="PortalCookie"/>: the code a browser is asked for (which code, and the link it came from), and the
/// invitations for which the browser typed the right code, so that it is not asked again.
/// </summary>
internal static class PortalCodeCookies
{
    public const string PendingName = "DueDiligence.PortalCode";
    public const string KnownName = "DueDiligence.PortalBrowser";

    private const string PendingPurpose = "DueDiligence.Portal.Code.v1";
    private const string KnownPurpose = "DueDiligence.Portal.KnownBrowser.v1";

    /// <summary>A browser remembers at most this many invitations; the oldest is forgotten first.</summary>
    private const int KnownMax = 20;

    private static readonly TimeSpan KnownFor = TimeSpan.FromDays(180);
    private static readonly HostPrefixedCookieManager Cookies = new();

    public static void WritePending(HttpContext context, IDataProtectionProvider protection, Guid codeId, string tokenHash, DateTime expiresAtUtc) =>
        Cookies.AppendResponseCookie(context, PendingName, protection.CreateProtector(PendingPurpose).Protect($"{codeId:N}.{tokenHash}"), Options(context, expiresAtUtc));

    public static (Guid CodeId, string TokenHash)? ReadPending(HttpContext context, IDataProtectionProvider protection) =>
        Unprotect(context, protection, PendingName, PendingPurpose) is { } value && value.Split('.') is [var id, var hash] && Guid.TryParseExact(id, "N", out var codeId)
            ? (codeId, hash)
            : null;

    public static void DeletePending(HttpContext context) =>
        Cookies.DeleteCookie(context, PendingName, Options(context, DateTime.UnixEpoch));

    /// <summary>Whether this browser typed the right code for the invitation before.</summary>
    public static bool Knows(HttpContext context, IDataProtectionProvider protection, Guid invitationId) =>
        KnownInvitations(context, protection).Contains(invitationId);

    public static void Remember(HttpContext context, IDataProtectionProvider protection, Guid invitationId, DateTime nowUtc)
    {
        var known = KnownInvitations(context, protection).Where(id => id != invitationId).Append(invitationId).TakeLast(KnownMax);
        Cookies.AppendResponseCookie(context, KnownName, protection.CreateProtector(KnownPurpose).Protect(string.Join('.', known.Select(id => id.ToString("N")))),
            Options(context, nowUtc + KnownFor));
    }

    private static List<Guid> KnownInvitations(HttpContext context, IDataProtectionProvider protection) =>
        (Unprotect(context, protection, KnownName, KnownPurpose) ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => Guid.TryParseExact(part, "N", out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();

    private static string? Unprotect(HttpContext context, IDataProtectionProvider protection, string name, string purpose)
    {
        if (Cookies.GetRequestCookie(context, name) is not { } value)
        {
            return null;
        }

        try
        {
            return protection.CreateProtector(purpose).Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static CookieOptions Options(HttpContext context, DateTime expiresAtUtc) => new()
    {
        HttpOnly = true,
        // Lax, like the portal cookie: the link is opened from an e-mail; posts from other sites never carry it.
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        Path = "/",
        Expires = expiresAtUtc,
        IsEssential = true,
    };
}
