namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>Tells what a file really contains from its first bytes and, for ZIP and text, its structure.</summary>
internal static class FileSignatures
{
    /// <summary>How much of the start of a file the checks look at.</summary>
    public const int HeadLength = 8 * 1024;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> ZipLocalFileMagic => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> ZipEmptyArchiveMagic => [0x50, 0x4B, 0x05, 0x06];

    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static ReadOnlySpan<byte> ElfMagic => [0x7F, 0x45, 0x4C, 0x46];

    private static ReadOnlySpan<byte> WindowsExecutableMagic => "MZ"u8;

    /// <param name="file">A seekable stream over the whole file; its position is changed.</param>
    /// <param name="zip">Inspects ZIP containers, such as Word and Excel files, within the configured limits.</param>
    public static ContentProfile Identify(Stream file, ZipContainerInspector zip)
    {
        var head = ReadHead(file);
        if (head.StartsWith(PdfMagic))
        {
            return new(FileContent.Pdf);
        }

        if (head.StartsWith(PngMagic))
        {
            return new(FileContent.Png);
        }

        if (head.StartsWith(JpegMagic))
        {
            return new(FileContent.Jpeg);
        }

        if (head.StartsWith(ZipLocalFileMagic) || head.StartsWith(ZipEmptyArchiveMagic))
        {
            return zip.Inspect(file);
        }

        if (head.StartsWith(OleMagic))
        {
            return new(FileContent.OleCompoundFile);
        }

        if (head.StartsWith(ElfMagic))
        {
            return new(FileContent.ElfExecutable);
        }

        // "MZ" alone could start a line of text; an executable's header always has NUL bytes right after it.
        if (head.StartsWith(WindowsExecutableMagic) && head.AsSpan().Contains((byte)0))
        {
            return new(FileContent.WindowsExecutable);
        }

        return TextSniffing.Identify(file, head);
    }

    private static byte[] ReadHead(Stream file)
    {
        file.Position = 0;
        var buffer = new byte[HeadLength];
        var read = file.ReadAtLeast(buffer, HeadLength, throwOnEndOfStream: false);
        return buffer[..read];
    }

    private static bool StartsWith(this byte[] head, ReadOnlySpan<byte> magic) => head.AsSpan().StartsWith(magic);
}
