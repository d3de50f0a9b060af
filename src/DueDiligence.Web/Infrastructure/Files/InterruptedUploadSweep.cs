using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>
/// Removes the temporary files of uploads that were interrupted (the process stopped in the middle of one). Several
/// instances may share the evidence folder, so a temporary file is removed only when nothing has written to it for
/// <see cref="EvidenceOptions.InterruptedUploadAge"/>: an upload in progress on another instance writes to its file all
/// along. An upload of this instance that is still running is never removed, whatever its file's last-write time: that
/// time is the file system's, the age is measured on the app's clock, and the two may disagree (a file server's clock, a
/// test's clock moved ahead). Stored evidence files (in the sub-folders, under their storage keys) are never looked at.
/// </summary>
public sealed class InterruptedUploadSweep(
    EvidenceFolder folder, EvidenceStore store, IOptions<EvidenceOptions> options, TimeProvider time, ILogger<InterruptedUploadSweep> logger)
{
    /// <returns>The names of the temporary files removed.</returns>
    public IReadOnlyList<string> Sweep()
    {
        var age = options.Value.InterruptedUploadAge;
        var cutoff = time.GetUtcNow().UtcDateTime - age;
        var removed = new List<string>();
        var kept = 0;
        foreach (var file in new DirectoryInfo(folder.Path).EnumerateFiles(UploadTempFile.SearchPattern, SearchOption.TopDirectoryOnly))
        {
            // Read before the file is deleted: afterwards FileInfo reports 1601-01-01.
            var lastWrite = file.LastWriteTimeUtc;
            if (lastWrite > cutoff || store.IsUploading(file.Name))
            {
                kept++;
                continue;
            }

            try
            {
                file.Delete();
                removed.Add(file.Name);
                logger.LogInformation("Removed the interrupted upload {File} from {Folder}: last written {LastWrite:u}, more than {Age} ago.", file.Name, folder.Path, lastWrite, age);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "Could not remove the interrupted upload {File} from {Folder}; it stays until the next sweep.", file.Name, folder.Path);
            }
        }

        if (kept > 0)
        {
            logger.LogInformation("Kept {Count} upload file(s) in {Folder} written within the last {Age}: uploads that may still be running.", kept, folder.Path, age);
        }

        return removed;
    }
}
