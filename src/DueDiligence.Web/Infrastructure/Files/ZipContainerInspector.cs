using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>
/// Inspects a ZIP container (a Word or Excel file, or any ZIP) without extracting it. The archive's directory is checked
/// first, before a byte is decompressed: entry count, total declared unpacked size, compression ratio, encrypted parts,
/// part names that point outside the archive, duplicate names and headers that cannot be true. Only then is anything
/// decompressed, always through a hard byte budget of the declared size: the content types (for macros), the first
/// bytes of each part (for archives inside the archive) and nested archives, which are inspected in turn.
/// </summary>
internal sealed class ZipContainerInspector(ArchiveLimits limits, long maxNestedArchiveBytes)
{
    /// <summary>The smallest possible ZIP archive (an empty one) is 22 bytes; a shorter part cannot be an archive.</summary>
    private const int SmallestArchive = 22;

    private const int MaxQuotedNameLength = 80;

    private static ReadOnlySpan<byte> LocalFileMagic => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> EmptyArchiveMagic => [0x50, 0x4B, 0x05, 0x06];

    /// <param name="file">A seekable stream over the whole file; its position is changed.</param>
    public ContentProfile Inspect(Stream file)
    {
        file.Position = 0;
        try
        {
            var package = InspectArchive(file, [], new Tally());
            return new(package.Classify());
        }
        catch (UnsafeArchiveException refusal)
        {
            return new(FileContent.ZipArchive, Hazard: refusal.Message);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException)
        {
            return new(FileContent.DamagedZipArchive);
        }
    }

    /// <param name="enclosing">The names of the archives this one is nested in, outermost first; empty for the upload itself.</param>
    private Package InspectArchive(Stream archive, IReadOnlyList<string> enclosing, Tally tally)
    {
        // Read mode reads the central directory only: the declared sizes of every part, nothing decompressed.
        using var zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
        var entries = zip.Entries;
        tally.Entries += entries.Count;
        if (tally.Entries > limits.MaxEntries)
        {
            throw new UnsafeArchiveException($"it holds {Count(tally.Entries)} files, more than the limit of {Count(limits.MaxEntries)}");
        }

        tally.UnpackedBytes = entries.Aggregate(tally.UnpackedBytes, (sum, entry) => sum > long.MaxValue - entry.Length ? long.MaxValue : sum + entry.Length);
        if (tally.UnpackedBytes > limits.MaxUnpackedBytes)
        {
            throw new UnsafeArchiveException($"it unpacks to {FileSize.Format(tally.UnpackedBytes)}, more than the limit of {FileSize.Format(limits.MaxUnpackedBytes)}");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            CheckDeclaration(entry, enclosing, names);
        }

        var package = new Package();
        foreach (var entry in entries)
        {
            package.Note(entry.FullName);
            if (entry.FullName.Equals(OfficeContentTypes.PartName, StringComparison.OrdinalIgnoreCase))
            {
                using var part = OpenWithinDeclaredSize(entry, enclosing);
                package.Macros |= OfficeContentTypes.DeclareMacros(part);
            }

            if (entry.Length >= SmallestArchive && ReadIfArchive(entry, enclosing) is { } nested)
            {
                using (nested)
                {
                    package.Macros |= InspectArchive(nested, [.. enclosing, entry.FullName], tally).Macros;
                }
            }
        }

        return package;
    }

    /// <summary>What the directory says of one part, checked before anything of it is decompressed.</summary>
    private void CheckDeclaration(ZipArchiveEntry entry, IReadOnlyList<string> enclosing, HashSet<string> names)
    {
        var part = Quote(enclosing, entry.FullName);
        if (PointsOutside(entry.FullName))
        {
            throw new UnsafeArchiveException($"its part name {part} points outside the archive");
        }

        if (!names.Add(entry.FullName))
        {
            throw new UnsafeArchiveException($"it holds the part {part} twice, so that different programs would read different content");
        }

        if (entry.IsEncrypted)
        {
            throw new UnsafeArchiveException($"its part {part} is encrypted, so its content cannot be checked; remove the password and upload it again");
        }

        // Deflate never grows data by more than a few bytes per 64 KB block: more packed data than that is a false header.
        if (entry.CompressedLength > entry.Length + (entry.Length / 1000) + 1024)
        {
            throw new UnsafeArchiveException(
                $"its part {part} declares {FileSize.Format(entry.Length)} unpacked but carries {FileSize.Format(entry.CompressedLength)} of packed data, so its header is false");
        }

        var ratio = entry.Length / (double)Math.Max(1, entry.CompressedLength);
        if (entry.Length >= limits.RatioCheckedFromBytes && ratio > limits.MaxCompressionRatio)
        {
            throw new UnsafeArchiveException(
                $"its part {part} unpacks to {FileSize.Format(entry.Length)} from {FileSize.Format(entry.CompressedLength)}, "
                + string.Create(CultureInfo.InvariantCulture, $"a compression ratio of {ratio:#,0} to 1; the limit is {limits.MaxCompressionRatio:#,0} to 1"));
        }
    }

    /// <summary>The part's data when it is itself a ZIP archive, read within its declared size; otherwise null.</summary>
    private MemoryStream? ReadIfArchive(ZipArchiveEntry entry, IReadOnlyList<string> enclosing)
    {
        using var part = OpenWithinDeclaredSize(entry, enclosing);
        Span<byte> head = stackalloc byte[LocalFileMagic.Length];
        var read = part.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read < head.Length || !(head.SequenceEqual(LocalFileMagic) || head.SequenceEqual(EmptyArchiveMagic)))
        {
            return null;
        }

        List<string> chain = [.. enclosing, entry.FullName];
        if (chain.Count > limits.MaxNestingDepth)
        {
            throw new UnsafeArchiveException(
                $"it holds an archive nested {chain.Count} {(chain.Count == 1 ? "level" : "levels")} deep ({Quote(chain)}); "
                + $"the limit is {limits.MaxNestingDepth} {(limits.MaxNestingDepth == 1 ? "level" : "levels")}");
        }

        if (entry.Length > maxNestedArchiveBytes)
        {
            throw new UnsafeArchiveException(
                $"its embedded archive {Quote(chain)} is {FileSize.Format(entry.Length)}, more than the {FileSize.Format(maxNestedArchiveBytes)} up to which embedded archives are checked");
        }

        var copy = new MemoryStream();
        copy.Write(head);
        part.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    /// <summary>Decompresses a part with a hard budget of its declared size, whatever its data really expands to.</summary>
    private static BoundedReadStream OpenWithinDeclaredSize(ZipArchiveEntry entry, IReadOnlyList<string> enclosing) =>
        new(entry.Open(), entry.Length, () => new UnsafeArchiveException(
            $"its part {Quote(enclosing, entry.FullName)} unpacks to more than the {FileSize.Format(entry.Length)} its header declares, so its header is false"));

    /// <summary>Absolute names, drive letters and ".." segments would make an extracting program write outside its folder.</summary>
    private static bool PointsOutside(string name) =>
        name.StartsWith('/') || name.StartsWith('\\') || name.Contains(':', StringComparison.Ordinal) || name.Any(char.IsControl)
        || name.Split('/', '\\').Contains("..");

    private static string Quote(IReadOnlyList<string> enclosing, string name) => Quote([.. enclosing, name]);

    /// <summary>“word/embeddings/book.xlsx” › “inner.zip”, unprintable characters replaced and long names shortened.</summary>
    private static string Quote(IEnumerable<string> chain) => string.Join(" › ", chain.Select(name =>
    {
        var visible = string.Concat(name.Select(c => char.IsControl(c) ? '\uFFFD' : c));
        return $"“{(visible.Length > MaxQuotedNameLength ? visible[..MaxQuotedNameLength] + "…" : visible)}”";
    }));

    private static string Count(long count) => count.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>What has been counted so far over the upload and every archive nested in it.</summary>
    private sealed class Tally
    {
        public long Entries { get; set; }

        public long UnpackedBytes { get; set; }
    }

    /// <summary>What an archive's parts say it is: an Office package has content types and a word/ or xl/ folder.</summary>
    private sealed class Package
    {
        private bool contentTypes;
        private bool word;
        private bool excel;

        public bool Macros { get; set; }

        public void Note(string name)
        {
            contentTypes |= name.Equals(OfficeContentTypes.PartName, StringComparison.OrdinalIgnoreCase);
            word |= name.StartsWith("word/", StringComparison.OrdinalIgnoreCase);
            excel |= name.StartsWith("xl/", StringComparison.OrdinalIgnoreCase);
        }

        public FileContent Classify() => (contentTypes, Macros, word, excel) switch
        {
            (false, _, _, _) => FileContent.ZipArchive,
            (true, true, _, _) => FileContent.OfficeDocumentWithMacros,
            (true, false, true, _) => FileContent.WordDocument,
            (true, false, false, true) => FileContent.ExcelWorkbook,
            _ => FileContent.ZipArchive,
        };
    }

    /// <summary>The archive is refused; the message says which limit and the archive's own figure.</summary>
    private sealed class UnsafeArchiveException(string hazard) : Exception(hazard);
}
