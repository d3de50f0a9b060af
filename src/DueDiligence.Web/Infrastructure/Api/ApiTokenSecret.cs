using System.Security.Cryptography;
using System.Text;

namespace DueDiligence.Web.Infrastructure.Api;

/// <summary>
/// The secret of a personal access token: <see cref="Marker"/> and 256 random bits in base64url, so that a scanner
/// recognises a leaked one. Stored only as its SHA-256, which is enough for a secret this random (no salt or slow hash
/// is needed: nothing can be guessed).
/// </summary>
public static class ApiTokenSecret
{
    public const string Marker = "ddpat_";

    /// <summary>How much of the secret the token list shows: the marker and six characters.</summary>
    public const int PrefixLength = 12;

    private const int RandomBytes = 32;

    public static string New() => Marker + Base64Url(RandomNumberGenerator.GetBytes(RandomBytes));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether the text has the shape of a token (marker and 43 base64url characters), before any database read.</summary>
    public static bool LooksLikeOne(string text) =>
        text.Length == Marker.Length + 43 && text.StartsWith(Marker, StringComparison.Ordinal)
        && text.AsSpan(Marker.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
