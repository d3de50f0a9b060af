using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Files;

namespace DueDiligence.Web.Infrastructure.Backups;

/// <summary>
/// Restores a verified SQLite backup into a stopped installation: the database into the data directory, the evidence
/// files into the evidence folder, the keys into the data directory. Never while an app runs on the data directory
/// (<see cref="DataDirectoryLock"/>); a folder that already holds data is replaced only when asked to (<c>--force</c>).
/// </summary>
public sealed class BackupRestorer(DataDirectory data, EvidenceFolder evidence, TextWriter output)
{
    public async Task RestoreAsync(string backupFolder, BackupManifest manifest, bool force, CancellationToken ct)
    {
        using var restoring = DataDirectoryLock.TakeExclusively(data)
            ?? throw new BackupException($"An app is running on the data directory {data.Root}: stop it (every instance) before restoring.");
        var occupied = Occupied();
        if (occupied.Count > 0)
        {
            if (!force)
            {
                throw new BackupException($"The target already holds data: {string.Join("; ", occupied)}. Restore into a new or empty data folder (--data-directory), or add --force to replace what is there.");
            }

            output.WriteLine($"Replacing {string.Join("; ", occupied)}");
            Clear();
        }

        try
        {
            foreach (var file in manifest.Files)
            {
                await RestoreFileAsync(backupFolder, file, ct);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BackupException)
        {
            throw new BackupException($"The restore stopped part-way ({e.Message}). The target holds part of the backup: fix the cause and restore again with --force.");
        }

        var restored = await SqliteDatabaseFile.DescribeAsync(data.DatabasePath, ct);
        var differences = manifest.TableRows.Where(t => restored.TableRows.GetValueOrDefault(t.Key, -1) != t.Value).Select(t => t.Key).ToList();
        if (differences.Count > 0 || restored.TableRows.Count != manifest.TableRows.Count)
        {
            throw new BackupException($"The restored database's row counts differ from the backup's manifest (tables: {string.Join(", ", differences)}). Restore again with --force from another backup.");
        }

        output.WriteLine($"Restored the backup of {manifest.CreatedUtc:u} (release {manifest.AppVersion}, migration {manifest.MigrationId ?? "none"}): "
            + $"the database ({manifest.TableRows.Values.Sum()} rows in {manifest.TableRows.Count} tables) into {data.Root}, "
            + $"{manifest.FileCounts.Evidence} evidence file(s) into {evidence.Path}, {manifest.FileCounts.Keys} key file(s) into {data.KeysPath}. "
            + "The audit checkpoints start again from the restored trail; if Audit:CheckpointFolder names a folder outside the data directory, empty it before the app starts.");
    }

    private List<string> Occupied()
    {
        var occupied = new List<string>();
        if (File.Exists(data.DatabasePath) || File.Exists(data.DatabasePath + "-wal"))
        {
            occupied.Add($"the database {data.DatabasePath}");
        }

        var evidenceFiles = Directory.EnumerateFiles(evidence.Path, "*", SearchOption.AllDirectories).Count();
        if (evidenceFiles > 0)
        {
            occupied.Add($"{evidenceFiles} file(s) in the evidence folder {evidence.Path}");
        }

        if (Directory.Exists(data.KeysPath) && Directory.EnumerateFiles(data.KeysPath).Any())
        {
            occupied.Add($"the keys in {data.KeysPath}");
        }

        return occupied;
    }

    private void Clear()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(data.DatabasePath + suffix);
        }

        foreach (var file in Directory.EnumerateFiles(evidence.Path, "*", SearchOption.AllDirectories).ToList())
        {
            // Stored evidence is read-only.
            File.SetAttributes(file, FileAttributes.Normal);
            File.Delete(file);
        }

        // The checkpoints of the trail being replaced would report the restored one as cut short.
        foreach (var folder in new[] { data.KeysPath, Path.Combine(data.Root, AuditCheckpoints.DefaultFolderName) }.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder).ToList())
            {
                File.Delete(file);
            }
        }
    }

    private async Task RestoreFileAsync(string backupFolder, BackupFile file, CancellationToken ct)
    {
        var kind = BackupLayout.Classify(file.Path) ?? throw new BackupException($"The manifest names “{file.Path}”, which is not a file a backup holds.");
        var target = kind switch
        {
            BackupLayout.Kind.Database => data.DatabasePath,
            BackupLayout.Kind.Evidence => Path.Combine(evidence.Path, EvidenceStore.RelativePathOf(Path.GetFileName(file.Path))),
            _ => Path.Combine(data.KeysPath, Path.GetFileName(file.Path)),
        };

        // Under a temporary name first, so that a file that does not match (changed since it was verified) never lands.
        var temporary = target + ".restoring";
        var (length, sha256) = await HashedCopy.CopyAsync(BackupLayout.FullPath(backupFolder, file.Path), temporary, ct);
        if (length != file.Length || sha256 != file.Sha256)
        {
            File.Delete(temporary);
            throw new BackupException($"{file.Path} changed while it was being restored: its SHA-256 is now {sha256}, the manifest says {file.Sha256}");
        }

        if (kind == BackupLayout.Kind.Evidence)
        {
            EvidenceStore.MakeReadOnly(temporary);
        }
        else if (kind == BackupLayout.Kind.Key)
        {
            HashedCopy.RestrictToOwner(temporary);
        }

        File.Move(temporary, target, overwrite: false);
    }
}
