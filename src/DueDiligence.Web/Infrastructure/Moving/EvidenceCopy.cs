using DueDiligence.Web.Infrastructure.Backups;

namespace DueDiligence.Web.Infrastructure.Moving;

/// <summary>Copies the evidence folder of a moved installation to a new, empty folder, checking every copy against its source.</summary>
public static class EvidenceCopy
{
    /// <summary>Refuses a target folder that holds anything, before any data is moved.</summary>
    public static void RequireEmpty(string folder)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new MoveDataException($"The evidence folder {folder} is not empty: name a new or empty folder with --evidence-to. Nothing was moved.");
        }
    }

    /// <returns>The number of files copied.</returns>
    public static async Task<int> CopyAsync(string from, string to, CancellationToken ct)
    {
        RequireEmpty(to);
        Directory.CreateDirectory(to);
        var copied = 0;
        if (!Directory.Exists(from))
        {
            return copied;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            var written = await HashedCopy.CopyAsync(file, target, ct);
            if (await HashedCopy.HashAsync(target, ct) != written)
            {
                throw new MoveDataException($"The copy of {file} at {target} differs from what was read; copy the evidence folder again.");
            }

            copied++;
        }

        return copied;
    }
}
