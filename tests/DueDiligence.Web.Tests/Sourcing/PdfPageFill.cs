using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DueDiligence.Web.Tests.Sourcing;

/// <summary>How much of a printed page's body the report fills, read from the PDF with pdftotext, as a reader sees the page.</summary>
internal static partial class PdfPageFill
{
    // The report prints with 18 mm top and bottom margins; the header and the footer sit inside them.
    private const double MarginPoints = 18 / 25.4 * 72;

    /// <summary>From 0 (nothing below the header) to 1 (text down to the footer) on this page.</summary>
    public static async Task<double> OfPageAsync(string pdfPath, int page)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        var boxes = await RunAsync("pdftotext", "-bbox", "-f", number, "-l", number, pdfPath, "-");
        var height = double.Parse(PageHeight().Match(boxes).Groups[1].Value, CultureInfo.InvariantCulture);
        var bottom = height - MarginPoints;
        var body = Word().Matches(boxes)
            .Select(m => (Top: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Bottom: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .Where(w => w.Top > MarginPoints && w.Top < bottom)
            .ToList();
        return body.Count == 0 ? 0 : (body.Max(w => w.Bottom) - MarginPoints) / (bottom - MarginPoints);
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
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}");
    }

    [GeneratedRegex("<page width=\"[\\d.]+\" height=\"([\\d.]+)\"")]
    private static partial Regex PageHeight();

    [GeneratedRegex("<word xMin=\"[\\d.]+\" yMin=\"([\\d.]+)\" xMax=\"[\\d.]+\" yMax=\"([\\d.]+)\"")]
    private static partial Regex Word();
}
