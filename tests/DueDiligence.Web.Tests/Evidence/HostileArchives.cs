using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace DueDiligence.Web.Tests.Evidence;

/// <summary>
/// Hostile Word files made in code: zip bombs, archives nested in archives, hidden macros, false headers. Large contents
/// are streamed into the compressor in chunks, so that a 300 MB part costs a few hundred KB of memory and no disk.
/// </summary>
internal static class HostileArchives
{
    public const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private const int Chunk = 1024 * 1024;

    /// <summary>A Word document whose one picture is <paramref name="zeros"/> bytes of zeros: a few hundred KB that unpack to many MB.</summary>
    public static byte[] WordWithZeros(long zeros) => Word(zip => WriteZeros(zip, "word/media/image1.png", zeros));

    /// <summary>A Word document with <paramref name="length"/> bytes of ordinary prose, which compresses about 100 to 1 at most.</summary>
    public static byte[] WordWithText(long length) => Word(zip =>
    {
        using var part = zip.CreateEntry("word/media/notes.txt").Open();
        var random = new Random(11);
        var words = new[] { "supplier", "audit", "certificate", "quality", "NDA", "signed", "review", "2024", "site", "access" };
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(words[random.Next(words.Length)]).Append(random.Next(1000)).Append(' ');
        }

        part.Write(Encoding.UTF8.GetBytes(text.ToString(0, (int)length)));
    });

    /// <summary>A Word document of <paramref name="count"/> tiny parts.</summary>
    public static byte[] WordWithParts(int count) => Word(zip =>
    {
        for (var i = 0; i < count; i++)
        {
            WriteText(zip, $"word/media/p{i}.txt", "x");
        }
    });

    /// <summary>A Word document that embeds a workbook (allowed: one level of nesting).</summary>
    public static byte[] WordEmbeddingWorkbook() => Word(zip => WriteBytes(zip, "word/embeddings/book.xlsx", SampleFiles.Xlsx()));

    /// <summary>A Word document that embeds a workbook that embeds a ZIP of zeros: the nesting of a zip bomb such as 42.zip.</summary>
    public static byte[] WordEmbeddingNestedArchives()
    {
        var inner = Zip(zip => WriteZeros(zip, "zeros.bin", 1024 * 1024));
        var workbook = Zip(zip =>
        {
            WriteText(zip, "[Content_Types].xml", ContentTypes());
            WriteText(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
            WriteBytes(zip, "xl/embeddings/inner.zip", inner);
        });
        return Word(zip => WriteBytes(zip, "word/embeddings/book.xlsx", workbook));
    }

    /// <summary>A Word document with a VBA project under an innocent name, declared by its content type as Office needs it.</summary>
    public static byte[] WordWithRenamedVbaProject() => Zip(zip =>
    {
        WriteText(zip, "[Content_Types].xml", ContentTypes(("/word/notes.dat", "application/vnd.ms-office.vbaProject")));
        WriteText(zip, "word/document.xml", DocumentXml);
        WriteText(zip, "word/notes.dat", "Attribute VB_Name = \"ThisDocument\"\nSub AutoOpen()\nEnd Sub");
    });

    /// <summary>A macro-enabled document (.docm) renamed .docx: its main part is declared macro-enabled.</summary>
    public static byte[] MacroEnabledWordRenamed() => Zip(zip =>
    {
        WriteText(zip, "[Content_Types].xml", ContentTypes(("/word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml")));
        WriteText(zip, "word/document.xml", DocumentXml);
    });

    public static byte[] WordWithPart(string name) => Word(zip => WriteText(zip, name, "#!/bin/sh\n"));

    public static byte[] WordWithDuplicatePart() => Word(zip => WriteText(zip, "word/document.xml", DocumentXml));

    /// <summary>A Word document whose parts are all marked encrypted (general purpose flag bit 0).</summary>
    public static byte[] EncryptedWord() => Patch(SampleFiles.Docx(), (record, isCentral) =>
    {
        var flags = record.Slice(isCentral ? 8 : 6, 2);
        BinaryPrimitives.WriteUInt16LittleEndian(flags, (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(flags) | 1));
    });

    /// <summary>A Word document whose picture holds 10 MB of zeros but whose headers (local and central) declare 100 bytes.</summary>
    public static byte[] WordWithFalseHeader() => Patch(WordWithZeros(10 * 1024 * 1024), (record, isCentral) =>
    {
        var uncompressedSize = record.Slice(isCentral ? 24 : 22, 4);
        if (BinaryPrimitives.ReadUInt32LittleEndian(uncompressedSize) == 10 * 1024 * 1024)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(uncompressedSize, 100);
        }
    });

    private const string DocumentXml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>";

    private static string ContentTypes(params (string Part, string Type)[] overrides) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + string.Concat(overrides.Select(o => $"<Override PartName=\"{o.Part}\" ContentType=\"{o.Type}\"/>"))
        + "</Types>";

    /// <summary>A valid Word document plus whatever <paramref name="add"/> writes.</summary>
    private static byte[] Word(Action<ZipArchive> add) => Zip(zip =>
    {
        WriteText(zip, "[Content_Types].xml", ContentTypes(("/word/document.xml", WordMain)));
        WriteText(zip, "word/document.xml", DocumentXml);
        add(zip);
    });

    private static byte[] Zip(Action<ZipArchive> write)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            write(zip);
        }

        return buffer.ToArray();
    }

    private static void WriteZeros(ZipArchive zip, string name, long length)
    {
        using var part = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        var zeros = new byte[Chunk];
        for (var left = length; left > 0; left -= Chunk)
        {
            part.Write(zeros, 0, (int)Math.Min(Chunk, left));
        }
    }

    private static void WriteText(ZipArchive zip, string name, string text) => WriteBytes(zip, name, Encoding.UTF8.GetBytes(text));

    private static void WriteBytes(ZipArchive zip, string name, byte[] content)
    {
        using var part = zip.CreateEntry(name).Open();
        part.Write(content);
    }

    /// <summary>Applies <paramref name="patch"/> to every local file header and central directory header of an archive.</summary>
    private static byte[] Patch(byte[] archive, SpanPatch patch)
    {
        var bytes = archive.ToArray();
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature is 0x04034B50 or 0x02014B50)
            {
                patch(bytes.AsSpan(i), isCentral: signature == 0x02014B50);
            }
        }

        return bytes;
    }

    private delegate void SpanPatch(Span<byte> record, bool isCentral);
}
