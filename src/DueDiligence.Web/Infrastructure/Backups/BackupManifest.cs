using System.Text.Json;
using System.Text.Json.Serialization;

namespace DueDiligence.Web.Infrastructure.Backups;

/// <summary>
/// What a backup holds, written last into the backup folder as <c>manifest.json</c>: when and by which release it was
/// made, the database's last migration and row counts, and every file with its length and SHA-256.
/// </summary>
/// <param name="Files">Paths relative to the backup folder, with '/' separators (see <see cref="BackupLayout"/>).</param>
public sealed record BackupManifest(
    int Format,
    DateTimeOffset CreatedUtc,
    string AppVersion,
    string DatabaseProvider,
    string? MigrationId,
    IReadOnlyDictionary<string, long> TableRows,
    BackupFileCounts FileCounts,
    IReadOnlyList<BackupFile> Files)
{
    public const int CurrentFormat = 1;
    public const string SqliteProvider = "Sqlite";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="BackupException">The text is not a manifest.</exception>
    public static BackupManifest Parse(string json, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(json, Json) ?? throw new JsonException("The manifest is empty.");
        }
        catch (JsonException e)
        {
            throw new BackupException($"{path} cannot be read as a backup manifest: {e.Message}");
        }
    }
}

/// <summary>A file of the backup: where it is in the backup folder, its length and SHA-256 (lower-case hex).</summary>
public sealed record BackupFile(string Path, long Length, string Sha256);

/// <summary>How many files of each kind the backup holds.</summary>
public sealed record BackupFileCounts(int Database, int Evidence, int Keys);
