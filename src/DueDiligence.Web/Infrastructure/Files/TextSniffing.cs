using System.Text;

namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>Tells plain text, e-mail, markup and scripts apart, for files without a binary signature.</summary>
internal static class TextSniffing
{
    /// <summary>
    /// Openings that make a browser treat text as HTML (the WHATWG MIME sniffing list, plus a few more tags):
    /// such a file must not be accepted as text, however it is served.
    /// </summary>
    private static readonly string[] HtmlOpenings =
    [
        "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a", "<style",
        "<title", "<b", "<body", "<br", "<p", "<!--", "<meta", "<link", "<img", "<object", "<embed", "<form",
    ];

    private static readonly string[] SvgOpenings = ["<svg", "<!doctype svg"];

    /// <summary>RFC 5322 fields of which at least one must head an e-mail.</summary>
    private static readonly HashSet<string> EmailFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "To", "Cc", "Subject", "Date", "Received", "MIME-Version", "Message-ID", "Return-Path", "Delivered-To",
    };

    public static ContentProfile Identify(Stream file, byte[] head)
    {
        var (encoding, hasNul) = Scan(file, head);
        if (hasNul)
        {
            return new(FileContent.Unknown);
        }

        var start = Decode(head, encoding).TrimStart().TrimStart('\uFEFF').TrimStart();
        if (Markup(start) is { } markup)
        {
            return new(markup, encoding);
        }

        // UTF-16 is not how e-mail travels; an .eml must be ASCII-compatible.
        if (encoding != TextEncoding.Utf16 && LooksLikeEmail(head))
        {
            return new(FileContent.Email, encoding);
        }

        return encoding is null ? new(FileContent.NonUtf8Text) : new(FileContent.Text, encoding);
    }

    /// <summary>Reads the whole file once: is it valid UTF-8 (or UTF-16 with a byte-order mark), and does it hold NUL characters?</summary>
    private static (TextEncoding? Encoding, bool HasNul) Scan(Stream file, byte[] head)
    {
        var utf16 = head.AsSpan().StartsWith([(byte)0xFF, (byte)0xFE]) || head.AsSpan().StartsWith([(byte)0xFE, (byte)0xFF]);
        Encoding encoding = utf16
            ? new UnicodeEncoding(bigEndian: head[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true)
            : new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var decoder = encoding.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        var valid = true;
        var hasNul = false;

        file.Position = 0;
        int read;
        while ((read = file.Read(bytes)) > 0)
        {
            var chunk = bytes.AsSpan(0, read);
            // In UTF-16 every ASCII character has a zero byte; only a decoded NUL counts there.
            if (!utf16 && chunk.Contains((byte)0))
            {
                return (null, true);
            }

            if (valid)
            {
                valid = TryDecode(decoder, chunk, chars, flush: false, ref hasNul);
            }
        }

        if (valid)
        {
            valid = TryDecode(decoder, [], chars, flush: true, ref hasNul);
        }

        return (valid ? (utf16 ? TextEncoding.Utf16 : TextEncoding.Utf8) : null, hasNul);
    }

    private static bool TryDecode(Decoder decoder, ReadOnlySpan<byte> bytes, char[] chars, bool flush, ref bool hasNul)
    {
        try
        {
            var count = decoder.GetChars(bytes, chars, flush);
            hasNul |= chars.AsSpan(0, count).Contains('\0');
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string Decode(byte[] head, TextEncoding? encoding) => encoding switch
    {
        TextEncoding.Utf8 => Encoding.UTF8.GetString(head),
        TextEncoding.Utf16 => (head[0] == 0xFE ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(head),
        _ => Encoding.Latin1.GetString(head),
    };

    private static FileContent? Markup(string start)
    {
        if (start.StartsWith("#!", StringComparison.Ordinal))
        {
            return FileContent.ShellScript;
        }

        if (!start.StartsWith('<'))
        {
            return null;
        }

        if (SvgOpenings.Any(opening => StartsWithTag(start, opening)))
        {
            return FileContent.Svg;
        }

        if (HtmlOpenings.Any(opening => StartsWithTag(start, opening)))
        {
            return FileContent.Html;
        }

        // Plain XML is harmless text, but XML that holds SVG or XHTML renders (and runs scripts) in a browser.
        if (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            if (start.Contains("<svg", StringComparison.OrdinalIgnoreCase))
            {
                return FileContent.Svg;
            }

            if (start.Contains("<html", StringComparison.OrdinalIgnoreCase))
            {
                return FileContent.Html;
            }
        }

        return null;
    }

    private static bool StartsWithTag(string text, string opening) =>
        text.StartsWith(opening, StringComparison.OrdinalIgnoreCase)
        && text.Length > opening.Length
        && (char.IsWhiteSpace(text[opening.Length]) || text[opening.Length] is '>' or '/');

    /// <summary>An e-mail starts with a block of "Field: value" lines (RFC 5322), at least one of them a well-known field.</summary>
    private static bool LooksLikeEmail(byte[] head)
    {
        var lines = Encoding.Latin1.GetString(head).Split('\n');
        // A head cut at HeadLength may end in the middle of a line; that line is not judged.
        var complete = head.Length < FileSignatures.HeadLength ? lines.Length : lines.Length - 1;
        var knownFields = 0;
        for (var i = 0; i < complete; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                break;
            }

            if (line[0] is ' ' or '\t')
            {
                // A folded continuation of the previous field; cannot come first.
                if (i == 0)
                {
                    return false;
                }

                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !line.AsSpan(0, colon).ContainsOnlyFieldNameCharacters())
            {
                return false;
            }

            knownFields += EmailFields.Contains(line[..colon]) ? 1 : 0;
        }

        return knownFields > 0;
    }

    /// <summary>RFC 5322 ftext: printable US-ASCII except the colon.</summary>
    private static bool ContainsOnlyFieldNameCharacters(this ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (c is < '!' or > '~' or ':')
            {
                return false;
            }
        }

        return true;
    }
}
