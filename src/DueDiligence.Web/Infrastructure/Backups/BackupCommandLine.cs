using DueDiligence.Web.Infrastructure.Files;

namespace DueDiligence.Web.Infrastructure.Backups;

/// <summary>
/// The app's maintenance commands, run instead of the web server when the first argument names one:
/// <c>backup --to &lt;folder&gt;</c> and <c>restore --from &lt;folder&gt; [--force]</c>, both with an optional
/// <c>--data-directory &lt;folder&gt;</c>. They read the app's own configuration (appsettings.json, environment), so
/// that they find the data directory and evidence folder the app uses.
/// </summary>
public static class BackupCommandLine
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int Misused = 2;

    private const string Usage = """
        Usage:
          DueDiligence.Web backup --to <new-backup-folder> [--data-directory <folder>]
          DueDiligence.Web restore --from <backup-folder> [--data-directory <folder>] [--force]
        The data directory and evidence folder are those of the app's configuration (DataDirectory, Evidence:Root),
        unless --data-directory names another data directory. See docs/operations.md.
        """;

    public static bool IsCommand(string[] args) => args is ["backup" or "restore", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (Parse(args) is not { } command)
        {
            await error.WriteLineAsync(Usage);
            return Misused;
        }

        try
        {
            if (command.Verb == "backup")
            {
                var (data, evidence) = Folders(command.DataDirectory);
                await new BackupCreator(data, evidence, TimeProvider.System, output).CreateAsync(command.Folder, ct);
            }
            else
            {
                // Verified before the target is even looked at: a damaged backup never writes a byte.
                var folder = Path.GetFullPath(command.Folder);
                var manifest = await BackupVerifier.VerifyAsync(folder, ct);
                await output.WriteLineAsync($"The backup in {folder} matches its manifest ({manifest.Files.Count} files).");
                var (data, evidence) = Folders(command.DataDirectory);
                await new BackupRestorer(data, evidence, output).RestoreAsync(folder, manifest, command.Force, ct);
            }

            return Succeeded;
        }
        catch (Exception e) when (e is BackupException or InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync($"{command.Verb} failed: {e.Message}");
            return Failed;
        }
    }

    /// <summary>The data directory and evidence folder as the app resolves them from its configuration.</summary>
    internal static (DataDirectory Data, EvidenceFolder Evidence) Folders(string? dataDirectory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (dataDirectory is not null)
        {
            builder.Configuration.AddInMemoryCollection([new(DataDirectory.SettingName, Path.GetFullPath(dataDirectory))]);
        }

        var data = DataDirectory.FromConfiguration(builder.Configuration, builder.Environment);
        var options = builder.Configuration.GetSection(EvidenceOptions.SectionName).Get<EvidenceOptions>() ?? new EvidenceOptions();
        return (data, EvidenceFolder.FromOptions(options, builder.Environment, data));
    }

    private static Command? Parse(string[] args)
    {
        if (args is not [var verb, .. var rest])
        {
            return null;
        }

        var folderOption = verb == "backup" ? "--to" : "--from";
        string? folder = null, dataDirectory = null;
        var force = false;
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case var option when option == folderOption && i + 1 < rest.Length && folder is null:
                    folder = rest[++i];
                    break;
                case "--data-directory" when i + 1 < rest.Length && dataDirectory is null:
                    dataDirectory = rest[++i];
                    break;
                case "--force" when verb == "restore":
                    force = true;
                    break;
                default:
                    return null;
            }
        }

        return string.IsNullOrWhiteSpace(folder) ? null : new Command(verb, folder, dataDirectory, force);
    }

    private sealed record Command(string Verb, string Folder, string? DataDirectory, bool Force);
}
