using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Backups;
using DueDiligence.Web.Infrastructure.Persistence;

namespace DueDiligence.Web.Infrastructure.Moving;

/// <summary>
/// <c>move-data --to postgres|sqlserver --connection &lt;connection string&gt; [--data-directory &lt;folder&gt;]
/// [--evidence-to &lt;folder&gt;]</c>: run instead of the web server, copies the SQLite database of the app's data
/// directory (as its configuration names it, or --data-directory) into an empty server database. See docs/operations.md.
/// </summary>
public static class MoveDataCommandLine
{
    private const string Usage = """
        Usage:
          DueDiligence.Web move-data --to postgres|sqlserver --connection "<connection string>" [--data-directory <folder>] [--evidence-to <new-folder>]
        Copies the SQLite database of the data directory (DataDirectory of the app's configuration, unless --data-directory
        names another) into an empty PostgreSQL or SQL Server database. Stop the app first. See docs/operations.md.
        """;

    public static bool IsCommand(string[] args) => args is ["move-data", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (Parse(args) is not { } command)
        {
            await error.WriteLineAsync(Usage);
            return BackupCommandLine.Misused;
        }

        try
        {
            var (data, evidence) = BackupCommandLine.Folders(command.DataDirectory);
            var evidenceTo = command.EvidenceTo is null ? null : Path.GetFullPath(command.EvidenceTo);
            if (evidenceTo is not null)
            {
                EvidenceCopy.RequireEmpty(evidenceTo);
            }

            if (!File.Exists(data.DatabasePath))
            {
                throw new MoveDataException($"There is no SQLite database at {data.DatabasePath}: set DataDirectory (or --data-directory) to the data directory of the installation.");
            }

            var signer = AuditChainKey.LoadExisting(WebApplication.CreateSlimBuilder().Configuration, data)
                ?? throw new MoveDataException($"There is no audit chain key at {AuditChainKey.DefaultPath(data)}: copy the installation's keys folder with its database, or set {AuditChainKey.KeySetting}.");

            // Held until the end: no app starts on the data directory and writes what the move would leave behind.
            using (var moving = DataDirectoryLock.TakeExclusively(data)
                ?? throw new MoveDataException($"An app is running on the data directory {data.Root}: stop it (every instance) before moving its data."))
            {
                await output.WriteLineAsync($"Moving {data.DatabasePath} to {command.Provider}.");
                await new DataMover(output, signer).MoveAsync(data.DatabasePath, command.Provider, command.Connection, ct);
            }

            await output.WriteLineAsync($"The data is in the {command.Provider} database.");
            if (evidenceTo is null)
            {
                await output.WriteLineAsync($"The evidence files stay in {evidence.Path}: set Evidence:Root to that folder (or copy it and point Evidence:Root at the copy).");
            }
            else
            {
                var files = await EvidenceCopy.CopyAsync(evidence.Path, evidenceTo, ct);
                await output.WriteLineAsync($"Copied {files} evidence files to {evidenceTo}: set Evidence:Root to that folder.");
            }

            await output.WriteLineAsync($"Now start the app with Database:Provider={command.Provider} and ConnectionStrings:App set to this connection string.");
            await output.WriteLineAsync($"Give it the same audit chain key, or the chain no longer verifies: {AuditChainKey.KeySetting} set to the text of {AuditChainKey.DefaultPath(data)} (or {AuditChainKey.KeyFileSetting} naming a copy of that file).");
            return BackupCommandLine.Succeeded;
        }
        catch (Exception e) when (e is MoveDataException or InvalidOperationException or IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"move-data failed: {e.Message}");
            return BackupCommandLine.Failed;
        }
    }

    private static Command? Parse(string[] args)
    {
        string? to = null, connection = null, dataDirectory = null, evidenceTo = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--to" when i + 1 < args.Length && to is null:
                    to = args[++i];
                    break;
                case "--connection" when i + 1 < args.Length && connection is null:
                    connection = args[++i];
                    break;
                case "--data-directory" when i + 1 < args.Length && dataDirectory is null:
                    dataDirectory = args[++i];
                    break;
                case "--evidence-to" when i + 1 < args.Length && evidenceTo is null:
                    evidenceTo = args[++i];
                    break;
                default:
                    return null;
            }
        }

        DatabaseProvider? provider = to?.ToLowerInvariant() switch
        {
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            "sqlserver" => DatabaseProvider.SqlServer,
            _ => null,
        };
        return provider is { } chosen && !string.IsNullOrWhiteSpace(connection) ? new Command(chosen, connection, dataDirectory, evidenceTo) : null;
    }

    private sealed record Command(DatabaseProvider Provider, string Connection, string? DataDirectory, string? EvidenceTo);
}
