using System.Diagnostics;
using System.Text.RegularExpressions;

using DueDiligence.Web.Tests.Pdf;

namespace DueDiligence.Web.Tests.Reports;

/// <summary>Text read from a PDF or HTML with runs of white space made single spaces, so that line breaks do not decide a match.</summary>
internal static partial class ReportText
{
    public static string Flatten(string text) => Whitespace().Replace(text, " ");

    /// <summary>
    /// The PDF's text in reading order (pdftotext without -layout), flattened: a table cell's lines stay together, where the
    /// layout mode interleaves them with the neighbouring cells.
    /// </summary>
    public static async Task<string> ReadingOrderAsync(PdfFile pdf)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(pdf.Path);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? Flatten(await output) : throw new InvalidOperationException($"pdftotext failed: {await error}");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
