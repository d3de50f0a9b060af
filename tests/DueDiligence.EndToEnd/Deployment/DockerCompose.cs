using System.Diagnostics;
using DueDiligence.EndToEnd.Infrastructure;

namespace DueDiligence.EndToEnd.Deployment;

/// <summary>
/// Debian's docker-compose (1.29) run on the repository's docker-compose.yml. No Docker engine runs here:
/// <c>config</c> interpolates and validates the file without one.
/// </summary>
public static class DockerCompose
{
    public const string Executable = "/usr/bin/docker-compose";

    public sealed record Result(int ExitCode, string Output, string Errors);

    /// <summary>The file as compose reads it with this env file (and profile), all variables filled in.</summary>
    public static async Task<Result> ConfigAsync(string envFile, string? profile = null)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"docker-compose is not installed at {Executable}: run scripts/setup.sh (it installs Debian's docker-compose).");
        }

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[] { "--project-directory", RepositoryPaths.Root, "-f", "docker-compose.yml", "--env-file", envFile })
        {
            start.ArgumentList.Add(argument);
        }

        if (profile is not null)
        {
            start.ArgumentList.Add("--profile");
            start.ArgumentList.Add(profile);
        }

        start.ArgumentList.Add("config");
        // Compose prefers the shell's variables to the env file's: only the env file may speak here.
        foreach (var name in ComposeEnvFile.Names().Append("COMPOSE_FILE").Append("COMPOSE_PROFILES"))
        {
            start.Environment.Remove(name);
        }

        using var compose = Process.Start(start)!;
        var output = compose.StandardOutput.ReadToEndAsync();
        var errors = compose.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await compose.WaitForExitAsync(deadline.Token);
        return new Result(compose.ExitCode, await output, await errors);
    }
}
