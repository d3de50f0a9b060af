namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>What a file really contains, told from its bytes rather than from its name.</summary>
public enum FileContent
{
    Unknown,
    Pdf,
    Png,
    Jpeg,
    WordDocument,
    ExcelWorkbook,
    OfficeDocumentWithMacros,
    ZipArchive,
    DamagedZipArchive,
    OleCompoundFile,
    Email,
    Text,
    NonUtf8Text,
    WindowsExecutable,
    ElfExecutable,
    ShellScript,
    Html,
    Svg,
}

/// <summary>The encoding of a file that is entirely valid text without NUL characters.</summary>
public enum TextEncoding
{
    Utf8,
    Utf16,
}

/// <summary>
/// The result of looking at a file's bytes: its content, if it is clean text the encoding, and if it is an archive that
/// is unsafe to open (a zip bomb, say) why.
/// </summary>
internal sealed record ContentProfile(FileContent Content, TextEncoding? Encoding = null, string? Hazard = null);

/// <summary>How a detected content is named in a message to the analyst.</summary>
internal static class FileContentText
{
    public static string Describe(this FileContent content) => content switch
    {
        FileContent.Pdf => "a PDF",
        FileContent.Png => "a PNG image",
        FileContent.Jpeg => "a JPEG image",
        FileContent.WordDocument => "a Word document",
        FileContent.ExcelWorkbook => "an Excel workbook",
        FileContent.OfficeDocumentWithMacros => "an Office document with macros",
        FileContent.ZipArchive => "a ZIP archive",
        FileContent.DamagedZipArchive => "a damaged ZIP archive",
        FileContent.OleCompoundFile => "an Outlook message or an old-style Office file (.doc, .xls)",
        FileContent.Email => "an e-mail message",
        FileContent.Text => "plain text",
        FileContent.NonUtf8Text => "text in an encoding other than UTF-8 or UTF-16",
        FileContent.WindowsExecutable => "a Windows executable",
        FileContent.ElfExecutable => "a Linux executable (ELF)",
        FileContent.ShellScript => "a script",
        FileContent.Html => "an HTML page",
        FileContent.Svg => "an SVG image, which can contain scripts",
        _ => "data of a type that cannot be recognised",
    };
}
