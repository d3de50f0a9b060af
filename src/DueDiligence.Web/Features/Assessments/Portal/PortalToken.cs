using System.Security.Cryptography;
using System.Text;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>The secret of an invitation link: 256 random bits, shown once; the database keeps only its SHA-256.</summary>
internal static class PortalToken
{
    public static (string Token, string Hash) New()
    {
        var token = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether the text can be a token at all (43 URL-safe characters), before anything is looked up.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
