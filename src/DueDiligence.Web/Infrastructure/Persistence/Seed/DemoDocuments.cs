using System.Globalization;
using System.Text;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>
/// Small but real evidence documents for the demo: a one-page PDF that any viewer opens, or a UTF-8 text note.
/// Made in code, so that the repository carries no binary fixtures; every document says it is fictional.
/// </summary>
internal static class DemoDocuments
{
    private const string Disclaimer = "Fictional document generated for the DueDiligence demo data.";

    /// <summary>The document for <paramref name="fileName"/>: a PDF for ".pdf", otherwise text.</summary>
    public static byte[] For(string fileName, string title, IReadOnlyList<string> lines) =>
        string.Equals(Path.GetExtension(fileName), ".pdf", StringComparison.OrdinalIgnoreCase)
            ? Pdf(title, lines)
            : Encoding.UTF8.GetBytes($"{title}\n{new string('=', title.Length)}\n\n{string.Join('\n', lines)}\n\n{Disclaimer}\n");

    /// <summary>A PDF 1.4 with one A4 page of Helvetica text and a correct cross-reference table.</summary>
    public static byte[] Pdf(string title, IReadOnlyList<string> lines)
    {
        var content = new StringBuilder()
            .Append("BT /F1 16 Tf 56 780 Td (").Append(Escape(title)).Append(") Tj ET\n")
            .Append("BT /F1 10 Tf 14 TL 56 748 Td");
        foreach (var line in lines)
        {
            content.Append(" (").Append(Escape(line)).Append(") Tj T*");
        }

        content.Append(" ET\nBT /F1 8 Tf 56 40 Td (").Append(Disclaimer).Append(") Tj ET\n");
        var stream = content.ToString();

        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            FormattableString.Invariant($"<< /Length {stream.Length} >>\nstream\n{stream}endstream"),
        ];

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>PDF string syntax: backslash and parentheses escaped; the demo texts are ASCII, anything else becomes "?".</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '(' or ')')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return escaped.ToString();
    }
}
