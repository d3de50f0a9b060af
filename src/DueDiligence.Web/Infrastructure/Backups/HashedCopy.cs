using System.Security.Cryptography;

namespace DueDiligence.Web.Infrastructure.Backups;

/// <summary>Copies and fingerprints files for backups: one read of the source gives the copy and its SHA-256.</summary>
public static class HashedCopy
{
    private const int BufferSize = 80 * 1024;

    /// <summary>Copies <paramref name="source"/> to a new file <paramref name="target"/> (never over an existing one), flushed to disk.</summary>
    /// <returns>The length and SHA-256 (lower-case hex) of the bytes copied.</returns>
    public static async Task<(long Length, string Sha256)> CopyAsync(string source, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        long length = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
            length += read;
        }

        await output.FlushAsync(ct);
        output.Flush(flushToDisk: true);
        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Key files, in a backup and when restored, are readable by their owner only (as the app creates them).</summary>
    public static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <returns>The length and SHA-256 (lower-case hex) of a file.</returns>
    public static async Task<(long Length, string Sha256)> HashAsync(string path, CancellationToken ct)
    {
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        return (input.Length, Convert.ToHexStringLower(await SHA256.HashDataAsync(input, ct)));
    }
}
