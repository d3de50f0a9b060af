using DueDiligence.Web.Infrastructure.Files;

namespace DueDiligence.Web.Infrastructure.Backups;

/// <summary>
/// Backs up a SQLite installation while it runs: a consistent copy of the database, then the evidence files, then the
/// keys folder (the audit chain key; data-protection keys of older releases), then the manifest. The database is copied first: evidence files are written
/// before their records and never changed or deleted afterwards, so every file the copied database names is there.
/// </summary>
public sealed class BackupCreator(DataDirectory data, EvidenceFolder evidence, TimeProvider time, TextWriter output)
{
    public async Task<BackupManifest> CreateAsync(string backupFolder, CancellationToken ct)
    {
        var folder = Path.GetFullPath(backupFolder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new BackupException($"The backup folder {folder} is not empty. Name a new folder for each backup, for example one named after the date and time.");
        }

        Directory.CreateDirectory(folder);
        var createdUtc = time.GetUtcNow();
        var files = new List<BackupFile>();

        output.WriteLine($"Copying the database {data.DatabasePath}");
        var database = BackupLayout.FullPath(folder, BackupLayout.DatabaseFile);
        await SqliteDatabaseFile.CopyAsync(data.DatabasePath, database, ct);
        var figures = await SqliteDatabaseFile.DescribeAsync(database, ct);
        var (length, sha256) = await HashedCopy.HashAsync(database, ct);
        files.Add(new BackupFile(BackupLayout.DatabaseFile, length, sha256));

        output.WriteLine($"Copying the evidence files in {evidence.Path}");
        var evidenceCount = await CopyEvidenceAsync(folder, files, ct);
        var keyCount = await CopyKeysAsync(folder, files, ct);

        var manifest = new BackupManifest(
            BackupManifest.CurrentFormat, createdUtc, AppVersion.Current, BackupManifest.SqliteProvider, figures.MigrationId,
            figures.TableRows, new BackupFileCounts(1, evidenceCount, keyCount), files);
        // Last, and by a rename: a folder with a manifest is a complete backup.
        var manifestPath = Path.Combine(folder, BackupLayout.ManifestFile);
        await File.WriteAllTextAsync(manifestPath + ".tmp", manifest.ToJson(), ct);
        File.Move(manifestPath + ".tmp", manifestPath);

        output.WriteLine($"Backup complete in {folder}: the database ({figures.TableRows.Values.Sum()} rows in {figures.TableRows.Count} tables, migration {figures.MigrationId ?? "none"}), {evidenceCount} evidence file(s), {keyCount} key file(s).");
        return manifest;
    }

    private async Task<int> CopyEvidenceAsync(string folder, List<BackupFile> files, CancellationToken ct)
    {
        var count = 0;
        var skipped = new List<string>();
        foreach (var path in Directory.EnumerateFiles(evidence.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var key = Path.GetFileName(path);
            if (!EvidenceStore.IsStorageKey(key) || Path.GetRelativePath(evidence.Path, path) != EvidenceStore.RelativePathOf(key))
            {
                // Uploads in progress (".upload-*.tmp") and anything else that is not a stored evidence file.
                skipped.Add(Path.GetRelativePath(evidence.Path, path));
                continue;
            }

            var relative = BackupLayout.EvidencePath(key);
            var (length, sha256) = await HashedCopy.CopyAsync(path, BackupLayout.FullPath(folder, relative), ct);
            files.Add(new BackupFile(relative, length, sha256));
            count++;
        }

        if (skipped.Count > 0)
        {
            output.WriteLine($"Left out {skipped.Count} file(s) of the evidence folder that are not stored evidence (uploads in progress or foreign files): {string.Join(", ", skipped.Take(10))}{(skipped.Count > 10 ? ", …" : "")}");
        }

        return count;
    }

    private async Task<int> CopyKeysAsync(string folder, List<BackupFile> files, CancellationToken ct)
    {
        if (!Directory.Exists(data.KeysPath))
        {
            output.WriteLine($"No keys folder at {data.KeysPath}: nothing to copy.");
            return 0;
        }

        output.WriteLine($"Copying the keys in {data.KeysPath}");
        var count = 0;
        foreach (var path in Directory.EnumerateFiles(data.KeysPath).Order(StringComparer.Ordinal))
        {
            var relative = BackupLayout.KeyPath(Path.GetFileName(path));
            if (BackupLayout.Classify(relative) != BackupLayout.Kind.Key)
            {
                continue;
            }

            var copy = BackupLayout.FullPath(folder, relative);
            var (length, sha256) = await HashedCopy.CopyAsync(path, copy, ct);
            HashedCopy.RestrictToOwner(copy);
            files.Add(new BackupFile(relative, length, sha256));
            count++;
        }

        return count;
    }
}
