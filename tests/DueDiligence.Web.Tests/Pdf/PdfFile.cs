using System.Diagnostics;
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
}
