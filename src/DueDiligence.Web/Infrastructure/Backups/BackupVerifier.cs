namespace DueDiligence.Web.Infrastructure.Backups;

/// <summary>
/// Checks a backup folder against its manifest before anything is restored: every path is one a backup holds, every
/// file is there with its recorded length and SHA-256, and nothing else is in the folder.
/// </summary>
public static class BackupVerifier
{
    private const int MaxProblemsShown = 20;

    /// <exception cref="BackupException">The folder is not a complete, unchanged backup; the message names each file that differs.</exception>
    public static async Task<BackupManifest> VerifyAsync(string folder, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            throw new BackupException($"There is no backup folder {folder}.");
        }

        var manifestPath = Path.Combine(folder, BackupLayout.ManifestFile);
        if (!File.Exists(manifestPath))
        {
            throw new BackupException($"{folder} has no {BackupLayout.ManifestFile}: it is not a complete DueDiligence backup (a backup writes its manifest last).");
        }

        var manifest = BackupManifest.Parse(await File.ReadAllTextAsync(manifestPath, ct), manifestPath);
        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            throw new BackupException($"The backup is in format {manifest.Format}; this release reads format {BackupManifest.CurrentFormat}. Restore it with the release that made it ({manifest.AppVersion}).");
        }

        if (manifest.DatabaseProvider != BackupManifest.SqliteProvider)
        {
            throw new BackupException($"The backup holds a {manifest.DatabaseProvider} database; this command restores SQLite backups only.");
        }

        var problems = new List<string>();
        foreach (var file in manifest.Files)
        {
            problems.AddRange(await CheckAsync(folder, file, ct));
        }

        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        if (listed.Count != manifest.Files.Count)
        {
            problems.Add("The manifest names a file more than once.");
        }

        if (manifest.Files.Count(f => BackupLayout.Classify(f.Path) == BackupLayout.Kind.Database) != 1)
        {
            problems.Add($"The manifest does not name the database {BackupLayout.DatabaseFile}.");
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            if (relative != BackupLayout.ManifestFile && !listed.Contains(relative))
            {
                problems.Add($"{relative} is in the backup folder but not in its manifest.");
            }
        }

        if (problems.Count > 0)
        {
            var shown = problems.Take(MaxProblemsShown).Select(p => "  " + p);
            var more = problems.Count > MaxProblemsShown ? $"\n  … and {problems.Count - MaxProblemsShown} more." : "";
            throw new BackupException($"The backup in {folder} does not match its manifest, so nothing was restored. The backup was changed or damaged; use another one.\n{string.Join('\n', shown)}{more}");
        }

        return manifest;
    }

    private static async Task<IEnumerable<string>> CheckAsync(string folder, BackupFile file, CancellationToken ct)
    {
        if (BackupLayout.Classify(file.Path) is null)
        {
            return [$"The manifest names “{file.Path}”, which is not a file a backup holds."];
        }

        var path = BackupLayout.FullPath(folder, file.Path);
        if (!File.Exists(path))
        {
            return [$"{file.Path} is missing."];
        }

        var (length, sha256) = await HashedCopy.HashAsync(path, ct);
        if (length != file.Length)
        {
            return [$"{file.Path} is {length} bytes long; the manifest says {file.Length}."];
        }

        return sha256 == file.Sha256 ? [] : [$"{file.Path} has SHA-256 {sha256}; the manifest says {file.Sha256}."];
    }
}
