using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>
/// Keeps evidence files in the evidence folder, outside the web root, under random names. An upload is checked
/// (name, extension, size, real content, what an archive unpacks to) before it gets a name; a stored file is read-only and never replaced.
/// </summary>
public sealed class EvidenceStore
{
    private const int BufferSize = 80 * 1024;
    private const int StorageKeyLength = 32;

    private readonly EvidenceFolder folder;
    private readonly ZipContainerInspector zipInspector;

    /// <summary>The temporary files of this store's uploads that are running now, by name.</summary>
    private readonly ConcurrentDictionary<string, byte> uploadsRunning = new(StringComparer.Ordinal);

    public EvidenceStore(EvidenceFolder folder, IOptions<EvidenceOptions> options)
    {
        this.folder = folder;
        MaxUploadBytes = options.Value.MaxUploadBytes;
        if (MaxUploadBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), MaxUploadBytes, "Evidence:MaxUploadBytes must be a positive number of bytes.");
        }

        // An archive inside an upload is checked up to the size an upload may have.
        zipInspector = new ZipContainerInspector(options.Value.Archives, MaxUploadBytes);
    }

    public long MaxUploadBytes { get; }

    /// <summary>
    /// Whether the temporary file named <paramref name="tempFileName"/> belongs to an upload of this store that is still
    /// running, whatever its last-write time says (the sweep of interrupted uploads leaves it alone).
    /// </summary>
    internal bool IsUploading(string tempFileName) => uploadsRunning.ContainsKey(tempFileName);

    /// <summary>Accepted extensions, lower case with the dot: ".pdf".</summary>
    public IReadOnlyList<string> AcceptedExtensions => EvidenceFileTypes.Extensions;

    /// <summary>The value of an <c>accept</c> attribute on a file input: ".pdf,.png,…".</summary>
    public string AcceptAttribute => EvidenceFileTypes.AcceptAttribute;

    /// <summary>For the upload form: "PDF, PNG, JPEG, Word, Excel, text or e-mail, up to 25 MB".</summary>
    public string DescribeLimit() => $"{EvidenceFileTypes.ShortSummary}, up to {FileSize.Format(MaxUploadBytes)}";

    /// <summary>Checks and stores an upload. Every upload becomes a new file, even with the same content as another.</summary>
    /// <exception cref="EvidenceRejectedException">The upload was refused; nothing was kept.</exception>
    public async Task<StoredEvidenceFile> SaveAsync(string originalFileName, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var type = EvidenceFileName.Check(originalFileName);
        if (content.CanSeek)
        {
            // The size is known in advance: refuse before reading a byte.
            var remaining = content.Length - content.Position;
            if (remaining > MaxUploadBytes)
            {
                throw EvidenceRejectedException.TooLarge(originalFileName, remaining, MaxUploadBytes);
            }
        }

        // In the evidence folder itself, so that the final move is a rename on the same file system.
        var tempName = UploadTempFile.NewName();
        var tempPath = Path.Combine(folder.Path, tempName);
        uploadsRunning[tempName] = 0;
        try
        {
            long length;
            string sha256;
            ContentProfile profile;
            await using (var file = CreateTempFile(tempPath))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                length = await CopyWithinLimitAsync(originalFileName, content, file, hash, ct);
                if (length == 0)
                {
                    throw EvidenceRejectedException.Empty(originalFileName);
                }

                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
                profile = FileSignatures.Identify(file, zipInspector);
            }

            if (profile.Hazard is { } hazard)
            {
                throw EvidenceRejectedException.UnsafeArchive(originalFileName, hazard);
            }

            if (!type.Accepts(profile))
            {
                throw EvidenceRejectedException.ContentMismatch(originalFileName, type, ActualContent(type, profile));
            }

            MakeReadOnly(tempPath);
            var key = MoveToFinalName(tempPath);
            return new StoredEvidenceFile(key, sha256, length, type.ContentTypeFor(profile), originalFileName);
        }
        finally
        {
            // Rejected, cancelled or failed: nothing of the upload remains. After a successful move this is a no-op.
            File.Delete(tempPath);
            uploadsRunning.TryRemove(tempName, out _);
        }
    }

    /// <summary>
    /// Runs the checks of <see cref="SaveAsync"/> (name, size, real content, what an archive unpacks to) on a file that is
    /// read rather than kept, such as an imported workbook, and requires it to be of the <paramref name="required"/> kind.
    /// Nothing is written to the evidence folder.
    /// </summary>
    /// <returns>The file's content.</returns>
    /// <exception cref="EvidenceRejectedException">The upload was refused.</exception>
    public async Task<byte[]> CheckAsync(string originalFileName, Stream content, FileContent required, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var type = EvidenceFileName.Check(originalFileName);
        var wanted = EvidenceFileTypes.FindByContent(required) ?? throw new ArgumentOutOfRangeException(nameof(required), required, "Not an evidence file type.");
        if (type != wanted)
        {
            throw EvidenceRejectedException.WrongKind(originalFileName, wanted);
        }

        if (content.CanSeek && content.Length - content.Position > MaxUploadBytes)
        {
            throw EvidenceRejectedException.TooLarge(originalFileName, content.Length - content.Position, MaxUploadBytes);
        }

        using var copy = new MemoryStream();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (await CopyWithinLimitAsync(originalFileName, content, copy, hash, ct) == 0)
        {
            throw EvidenceRejectedException.Empty(originalFileName);
        }

        var profile = FileSignatures.Identify(copy, zipInspector);
        if (profile.Hazard is { } hazard)
        {
            throw EvidenceRejectedException.UnsafeArchive(originalFileName, hazard);
        }

        if (!type.Accepts(profile))
        {
            throw EvidenceRejectedException.ContentMismatch(originalFileName, type, ActualContent(type, profile), suggestRename: false);
        }

        return copy.ToArray();
    }

    /// <summary>
    /// Checks and stores an upload, then records it (<paramref name="record"/> saves the record that points to the file);
    /// when recording fails, the stored file is removed again, so that a refused change leaves no file behind.
    /// </summary>
    /// <exception cref="EvidenceRejectedException">The upload was refused; nothing was kept and nothing recorded.</exception>
    public async Task<T> SaveAndRecordAsync<T>(string originalFileName, Stream content, Func<StoredEvidenceFile, Task<T>> record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var stored = await SaveAsync(originalFileName, content, ct);
        try
        {
            return await record(stored);
        }
        catch
        {
            Discard(stored.StorageKey);
            throw;
        }
    }

    /// <summary>Opens a stored file for reading.</summary>
    /// <exception cref="ArgumentException">The key is not a storage key (and so cannot point anywhere else).</exception>
    /// <exception cref="FileNotFoundException">No file is stored under the key.</exception>
    public Stream OpenRead(string storageKey)
    {
        if (!IsStorageKey(storageKey))
        {
            throw new ArgumentException($"“{storageKey}” is not an evidence storage key (32 lower-case hex digits).", nameof(storageKey));
        }

        var path = PathOf(storageKey);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"The evidence file {storageKey} is missing from the evidence store; it was removed outside the app and must be restored from a backup.", path, e);
        }
    }

    /// <summary>
    /// Removes a file whose evidence record could not be saved (the upload is rolled back). Never used for evidence that
    /// was attached: evidence is not altered or deleted after upload.
    /// </summary>
    public void Discard(string storageKey)
    {
        if (IsStorageKey(storageKey))
        {
            File.Delete(PathOf(storageKey));
        }
    }

    internal static bool IsStorageKey(string? key) =>
        key is { Length: StorageKeyLength } && key.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Spread over 256 sub-folders by the first two characters, so that no folder grows too large.</summary>
    private string PathOf(string storageKey) => Path.Combine(folder.Path, RelativePathOf(storageKey));

    /// <summary>Where a stored file lives inside the evidence folder: "ab/ab12…".</summary>
    internal static string RelativePathOf(string storageKey) => Path.Combine(storageKey[..2], storageKey);

    private static string RandomKey() => RandomNumberGenerator.GetHexString(StorageKeyLength, lowercase: true);

    /// <summary>A text e-mail that is not valid UTF-8 is, for a .txt, best described as text in the wrong encoding.</summary>
    private static FileContent ActualContent(EvidenceFileType type, ContentProfile profile) =>
        type.Content == FileContent.Text && profile is { Content: FileContent.Email, Encoding: null } ? FileContent.NonUtf8Text : profile.Content;

    private async Task<long> CopyWithinLimitAsync(string name, Stream source, Stream target, IncrementalHash hash, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            while (true)
            {
                // Never ask for more than one byte past the limit: an oversize upload is refused without reading the rest.
                var wanted = (int)Math.Min(buffer.Length, MaxUploadBytes + 1 - total);
                var read = await source.ReadAsync(buffer.AsMemory(0, wanted), ct);
                if (read == 0)
                {
                    return total;
                }

                total += read;
                if (total > MaxUploadBytes)
                {
                    throw EvidenceRejectedException.TooLarge(name, length: null, MaxUploadBytes);
                }

                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static FileStream CreateTempFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = BufferSize };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    /// <summary>Before the file gets its final name, so that it is never visible there in a writable state.</summary>
    internal static void MakeReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        }
    }

    private string MoveToFinalName(string tempPath)
    {
        while (true)
        {
            var key = RandomKey();
            var path = PathOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                // Without overwrite: a stored file is never replaced, even if two random keys ever collided.
                File.Move(tempPath, path, overwrite: false);
                return key;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Collision of 128 random bits: draw another key.
            }
        }
    }
}
