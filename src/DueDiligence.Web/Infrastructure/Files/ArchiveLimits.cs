namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>
/// Limits on what a ZIP-based upload (a Word or Excel file) may unpack to, bound from <c>Evidence:Archives</c>. They are
/// checked from the archive's directory before anything is decompressed, so a zip bomb is refused at no cost.
/// </summary>
public sealed class ArchiveLimits
{
    /// <summary>The most all parts together may unpack to, nested archives included, in bytes (default 200 MB).</summary>
    public long MaxUnpackedBytes { get; set; } = 200 * 1024 * 1024;

    /// <summary>The most parts (files and folders) an archive may hold, nested archives included (default 10,000).</summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>The highest compression ratio (unpacked size to packed size) of a part above <see cref="RatioCheckedFromBytes"/> (default 100).</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Parts that unpack to less than this many bytes are not held to the ratio: small XML often compresses far (default 1 MB).</summary>
    public long RatioCheckedFromBytes { get; set; } = 1024 * 1024;

    /// <summary>How deep archives may nest: 1 lets a Word file embed a workbook, but not a workbook that embeds another archive (default 1).</summary>
    public int MaxNestingDepth { get; set; } = 1;
}
