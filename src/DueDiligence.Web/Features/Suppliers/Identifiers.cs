using System.Numerics;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>Format checks of company identifiers and web addresses.</summary>
internal static class Identifiers
{
    /// <summary>ISO 17442: 18 alphanumerics and 2 check digits, valid under ISO 7064 MOD 97-10.</summary>
    public static bool IsValidLei(string? lei)
    {
        var value = lei?.Trim().ToUpperInvariant();
        if (value is null || value.Length != 20 || !value.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiDigit(value[18]) || !char.IsAsciiDigit(value[19]))
        {
            return false;
        }

        var digits = string.Concat(value.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) % 97 == 1;
    }

    public static bool IsWebAddress(string? address) =>
        Uri.TryCreate(address?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Contains('.', StringComparison.Ordinal);
}
