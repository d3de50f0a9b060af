using DueDiligence.EndToEnd.Infrastructure;

namespace DueDiligence.EndToEnd.ScaleOut;

/// <summary>
/// One instance of the published app among several on one database: its own name and data folder, the settings the
/// instances share (database, evidence folder) given by the caller. It can be stopped and started again; each start
/// is an <see cref="AppProcess"/> on a new free port.
/// </summary>
public sealed class InstanceProcess(string name, IReadOnlyDictionary<string, string> sharedEnvironment) : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment = new(sharedEnvironment) { ["Instance__Name"] = name };
    private AppProcess? _process;

    public string Name { get; } = name;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "dd-e2e", $"{name}-{Guid.NewGuid():N}");

    public string BaseUrl => _process?.BaseUrl ?? throw new InvalidOperationException($"Instance {Name} is not running.");

    /// <summary>Starts the process and waits until it reports healthy.</summary>
    public async Task StartAsync() => _process = await AppProcess.StartSharedAsync(DataDirectory, _environment);

    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
