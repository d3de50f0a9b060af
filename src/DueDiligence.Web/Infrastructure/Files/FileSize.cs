using System.Globalization;

namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>File sizes as an analyst reads them: "31.2 MB", "25 MB", "512 bytes".</summary>
internal static class FileSize
{
    private const long Kilobyte = 1024;
    private const long Megabyte = 1024 * 1024;

    public static string Format(long bytes) => bytes switch
    {
        >= Megabyte => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)Megabyte:0.#} MB"),
        >= Kilobyte => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)Kilobyte:0.#} KB"),
        1 => "1 byte",
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
