using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>A downloaded report kept under artifacts/reports, read with poppler-utils and turned into page images to look at.</summary>
public sealed partial class PdfArtifacts
{
    private PdfArtifacts(string path, int pages)
    {
        Path = path;
        Pages = pages;
    }

    public string Path { get; }

    public int Pages { get; }

    /// <summary>Saves the download under artifacts/reports and reads its page count with pdfinfo.</summary>
    public static async Task<PdfArtifacts> SaveAsync(IDownload download)
    {
        var path = System.IO.Path.Combine(RepositoryPaths.Artifacts("reports"), download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var pages = int.Parse(PagesLine().Match(await RunAsync("pdfinfo", path)).Groups[1].Value, CultureInfo.InvariantCulture);
        return new PdfArtifacts(path, pages);
    }

    public Task<string> TextOfPageAsync(int page) =>
        RunAsync("pdftotext", "-layout", "-f", page.ToString(CultureInfo.InvariantCulture), "-l", page.ToString(CultureInfo.InvariantCulture), Path, "-");

    /// <summary>Renders every page to artifacts/reports/&lt;name&gt;-page-N.png (60 dpi) and returns the images.</summary>
    public async Task<IReadOnlyList<string>> RenderPagesAsync(string name)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        foreach (var old in Directory.GetFiles(folder, $"{name}-page-*.png"))
        {
            File.Delete(old);
        }

        await RunAsync("pdftoppm", "-png", "-r", "60", Path, System.IO.Path.Combine(folder, $"{name}-page"));
        return Directory.GetFiles(folder, $"{name}-page-*.png");
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

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
