using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace DueDiligence.Web.Infrastructure.Api;

/// <summary>
/// The <c>nextCursor</c> of a list: where the page ended, opaque to the client (base64url), read back on the next request.
/// A cursor names the last record of a page, never an offset, so records added or removed meanwhile cause no repeat or gap.
/// </summary>
public static class ApiCursor
{
    public static string OfId(Guid id) => Encode(id.ToString("N"));

    public static string OfTimeAndId(DateTime atUtc, Guid id) => Encode($"{atUtc.Ticks.ToString(CultureInfo.InvariantCulture)}.{id:N}");

    public static bool TryReadId(string text, out Guid id)
    {
        id = default;
        return Decode(text) is { } decoded && Guid.TryParseExact(decoded, "N", out id);
    }

    public static bool TryReadTimeAndId(string text, out DateTime atUtc, out Guid id)
    {
        atUtc = default;
        id = default;
        if (Decode(text)?.Split('.') is not [var ticks, var guid]
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value > DateTime.MaxValue.Ticks
            || !Guid.TryParseExact(guid, "N", out id))
        {
            return false;
        }

        atUtc = new DateTime(value, DateTimeKind.Utc);
        return true;
    }

    /// <summary>400 naming the cursor, for one that is not the nextCursor of a page.</summary>
    public static IResult Invalid() =>
        ApiErrors.Invalid(new Dictionary<string, string[]> { ["cursor"] = ["Use the nextCursor of the previous page as it was given."] });

    private static string Encode(string text) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(text));

    private static string? Decode(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(text));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
