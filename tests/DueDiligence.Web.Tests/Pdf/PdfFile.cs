using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DueDiligence.Web.Tests.Pdf;

/// <summary>A PDF written to disk and read back with poppler-utils, the way a person would check it.</summary>
public sealed partial class PdfFile
{
    private PdfFile(string path) => Path = path;

    public string Path { get; }

    public static async Task<PdfFile> WriteAsync(byte[] bytes, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, name);
        await File.WriteAllBytesAsync(path, bytes);
        return new PdfFile(path);
    }

    public Task<string> InfoAsync() => RunAsync("pdfinfo", Path);

    public async Task<int> PageCountAsync()
    {
        var match = PagesLine().Match(await InfoAsync());
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : throw new InvalidOperationException("pdfinfo shows no page count.");
    }

    public Task<string> TextAsync() => RunAsync("pdftotext", "-layout", Path, "-");

    public Task<string> PageTextAsync(int page)
    {
        var number = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return RunAsync("pdftotext", "-layout", "-f", number, "-l", number, Path, "-");
    }

    public Task<string> FontsAsync() => RunAsync("pdffonts", Path);

    /// <summary>
    /// How much of the page's body the text fills, from 0 (nothing below the header) to 1 (text down to the footer),
    /// for reports printed with 18 mm top and bottom margins that hold the header and the footer.
    /// </summary>
    public async Task<double> PageFillAsync(int page)
    {
        const double marginPoints = 18 / 25.4 * 72;
        var number = page.ToString(CultureInfo.InvariantCulture);
        var boxes = await RunAsync("pdftotext", "-bbox", "-f", number, "-l", number, Path, "-");
        var height = double.Parse(PageHeight().Match(boxes).Groups[1].Value, CultureInfo.InvariantCulture);
        var bottom = height - marginPoints;
        var body = Word().Matches(boxes)
            .Select(m => (Top: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Bottom: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .Where(w => w.Top > marginPoints && w.Top < bottom)
            .ToList();
        return body.Count == 0 ? 0 : (body.Max(w => w.Bottom) - marginPoints) / (bottom - marginPoints);
    }

    /// <summary>
    /// How many pixels of the page, printed at 20 dpi, have the faint red of a watermark (light pink, as the report's
    /// rgba(185, 28, 28, 0.13) on white); the header and footer bands are left out, so that a red marking there does not count.
    /// </summary>
    public async Task<int> WatermarkPixelsAsync(int page)
    {
        var number = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var prefix = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, $"{System.IO.Path.GetFileNameWithoutExtension(Path)}-watermark-{number}");
        await RunAsync("pdftoppm", "-r", "20", "-f", number, "-l", number, "-singlefile", Path, prefix);
        var image = await File.ReadAllBytesAsync(prefix + ".ppm");
        File.Delete(prefix + ".ppm");

        // Binary PPM: "P6", width, height, maximum value, each followed by white space, then RGB triplets.
        var fields = new List<int>();
        var at = 2;
        while (fields.Count < 3)
        {
            while (char.IsWhiteSpace((char)image[at]))
            {
                at++;
            }

            var start = at;
            while (!char.IsWhiteSpace((char)image[at]))
            {
                at++;
            }

            fields.Add(int.Parse(System.Text.Encoding.ASCII.GetString(image, start, at - start), System.Globalization.CultureInfo.InvariantCulture));
        }

        var (width, height) = (fields[0], fields[1]);
        var pixels = at + 1;
        var count = 0;
        for (var y = height / 8; y < height * 7 / 8; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = pixels + (((y * width) + x) * 3);
                int r = image[i], g = image[i + 1], b = image[i + 2];
                if (r >= 235 && r - g is >= 10 and <= 45 && Math.Abs(g - b) <= 8)
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}");
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex("<page width=\"[\\d.]+\" height=\"([\\d.]+)\"")]
    private static partial Regex PageHeight();

    [GeneratedRegex("<word xMin=\"[\\d.]+\" yMin=\"([\\d.]+)\" xMax=\"[\\d.]+\" yMax=\"([\\d.]+)\"")]
    private static partial Regex Word();
}
