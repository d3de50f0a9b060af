namespace DueDiligence.Web.Infrastructure;

/// <summary>
/// The lock file <c>.in-use</c> in the data directory. Every running app holds it shared from start-up to shutdown; a
/// restore holds it exclusively, so a restore never replaces the data of a running app and no app starts on a data
/// directory while it is being restored. (An idle app keeps no database file open, so SQLite's own locks cannot tell.)
/// </summary>
public sealed class DataDirectoryLock(DataDirectory data) : IHostedLifecycleService, IDisposable
{
    internal const string FileName = ".in-use";

    private FileStream? held;

    /// <summary>Before the database is opened or migrated.</summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        held = Open(data, FileShare.ReadWrite)
            ?? throw new InvalidOperationException($"The data directory {data.Root} is being restored from a backup: start the app when the restore has finished.");
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        held?.Dispose();
        held = null;
    }

    /// <summary>Takes the lock for a restore, or returns null while an app runs on the data directory.</summary>
    public static FileStream? TakeExclusively(DataDirectory data) => Open(data, FileShare.None);

    /// <summary>Opens the lock file with the share mode that .NET enforces with an advisory lock (flock on Linux).</summary>
    private static FileStream? Open(DataDirectory data, FileShare share)
    {
        try
        {
            return new FileStream(Path.Combine(data.Root, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, share);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
