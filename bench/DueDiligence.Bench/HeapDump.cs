using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DueDiligence.Bench;

/// <summary>
/// The live managed heap of another .NET process, measured from outside with dotnet-gcdump (a local tool of the
/// repository: dotnet tool restore): it forces a full, blocking collection in that process and walks what is reachable.
/// </summary>
internal static partial class HeapDump
{
    /// <summary>The bytes of every reachable object, and the report's lines (the largest types first).</summary>
    public static async Task<(long Bytes, string Report)> LiveHeapAsync(int processId)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dd-bench-{processId}-{Guid.NewGuid():N}.gcdump");
        try
        {
            await RunToolAsync("collect", "--process-id", processId.ToString(CultureInfo.InvariantCulture), "--output", file);
            var report = await RunToolAsync("report", file);
            var total = HeapBytes().Match(report);
            if (!total.Success)
            {
                throw new InvalidOperationException($"dotnet-gcdump report gave no heap size:\n{report}");
            }

            return (long.Parse(total.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture), report);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The process's resident set (all memory, native included), from /proc on Linux; 0 elsewhere.</summary>
    public static long ResidentBytes(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static async Task<string> RunToolAsync(params string[] arguments)
    {
        // The tool manifest is at the repository's root: the tool runs from there.
        var start = new ProcessStartInfo("dotnet", ["dotnet-gcdump", .. arguments])
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet-gcdump {arguments[0]} failed ({process.ExitCode}): {await error}{await output}");
        }

        return await output;
    }

    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DueDiligence.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("DueDiligence.sln not found above the benchmark's output.");
    }

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytes();
}
