using System.Diagnostics;

namespace DueDiligence.Web.Tests.Backups;

/// <summary>Runs scripts/backup.sh and scripts/restore.sh as real processes, on the app built beside the tests.</summary>
internal static class BackupScripts
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
    }

    public static Task<Result> BackupAsync(string dataDirectory, string backupFolder) =>
        RunAsync("backup.sh", dataDirectory, [backupFolder]);

    public static Task<Result> RestoreAsync(string backupFolder, string dataDirectory, bool force = false) =>
        RunAsync("restore.sh", dataDirectory, [backupFolder, "--data-directory", dataDirectory, .. force ? new[] { "--force" } : []]);

    private static async Task<Result> RunAsync(string script, string dataDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The app built beside the tests, with the data directory of the app under test.
        start.Environment["DUEDILIGENCE_APP"] = AppContext.BaseDirectory;
        start.Environment["DataDirectory"] = dataDirectory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/{script} did not finish within {Deadline}.");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DueDiligence.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No DueDiligence.sln above {AppContext.BaseDirectory}.");
    }
}
