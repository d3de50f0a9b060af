namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>A kind of file accepted as evidence: its extensions, the content it must really have and how it is served.</summary>
/// <param name="Expected">How the required content is named in a message: "a PDF", "a Word document".</param>
public sealed record EvidenceFileType(IReadOnlyList<string> Extensions, FileContent Content, string Expected, string ContentType)
{
    internal bool Accepts(ContentProfile profile) => Content switch
    {
        // A text file may well hold a copied e-mail; what matters is that it is clean text and not markup or a script.
        FileContent.Text => profile.Encoding is not null && profile.Content is FileContent.Text or FileContent.Email,
        _ => profile.Content == Content,
    };

    /// <summary>The Content-Type to serve, from the detected content: UTF-16 text is labelled as such.</summary>
    internal string ContentTypeFor(ContentProfile profile) =>
        Content == FileContent.Text && profile.Encoding == TextEncoding.Utf16 ? "text/plain; charset=utf-16" : ContentType;
}

/// <summary>The allow-list of evidence file types.</summary>
public static class EvidenceFileTypes
{
    /// <summary>For messages; keep in step with <see cref="All"/> (a test checks every extension is named).</summary>
    public const string AcceptedSummary = "PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), text (.txt), e-mail (.eml, .msg)";

    /// <summary>For the upload form.</summary>
    public const string ShortSummary = "PDF, PNG, JPEG, Word, Excel, text or e-mail";

    public static IReadOnlyList<EvidenceFileType> All { get; } =
    [
        new([".pdf"], FileContent.Pdf, "a PDF", "application/pdf"),
        new([".png"], FileContent.Png, "a PNG image", "image/png"),
        new([".jpg", ".jpeg"], FileContent.Jpeg, "a JPEG image", "image/jpeg"),
        new([".docx"], FileContent.WordDocument, "a Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        new([".xlsx"], FileContent.ExcelWorkbook, "an Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        new([".txt"], FileContent.Text, "plain text (UTF-8 or UTF-16)", "text/plain; charset=utf-8"),
        new([".eml"], FileContent.Email, "an e-mail message", "message/rfc822"),
        new([".msg"], FileContent.OleCompoundFile, "an Outlook message", "application/vnd.ms-outlook"),
    ];

    /// <summary>Every accepted extension, lower case with the dot: ".pdf".</summary>
    public static IReadOnlyList<string> Extensions { get; } = All.SelectMany(t => t.Extensions).ToList();

    /// <summary>The value of an <c>accept</c> attribute on a file input.</summary>
    public static string AcceptAttribute { get; } = string.Join(',', Extensions);

    public static EvidenceFileType? FindByExtension(string extension) =>
        All.FirstOrDefault(t => t.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));

    public static EvidenceFileType? FindByContent(FileContent content) => All.FirstOrDefault(t => t.Content == content);
}
