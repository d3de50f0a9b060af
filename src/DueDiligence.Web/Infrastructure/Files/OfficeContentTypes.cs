using System.Xml;

namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>
/// Reads an Office package's <c>[Content_Types].xml</c>, which declares the type of every part. Office decides what a
/// part is from these types, not from the part's name, so macros are found here: a VBA project renamed
/// <c>word/notes.dat</c> is still declared <c>application/vnd.ms-office.vbaProject</c>.
/// </summary>
internal static class OfficeContentTypes
{
    public const string PartName = "[Content_Types].xml";

    /// <summary>
    /// Fragments of every content type that carries macros: the macro-enabled main parts and embedded files
    /// (<c>…document.macroEnabled.main+xml</c>, <c>…sheet.macroEnabled.12</c>, <c>…binary.macroEnabled.main</c>), VBA
    /// projects and their signatures (<c>application/vnd.ms-office.vbaProject</c>, <c>…vbaProjectSignature</c>), Word's
    /// VBA data (<c>application/vnd.ms-word.vbaData+xml</c>) and Excel 4.0 macro sheets (<c>…macrosheet+xml</c>).
    /// </summary>
    private static readonly string[] MacroMarkers = ["macroenabled", "vbaproject", "vbadata", "macrosheet"];

    public static bool IsMacroContentType(string contentType) =>
        MacroMarkers.Any(marker => contentType.Contains(marker, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether any <c>Default</c> or <c>Override</c> declares a content type that carries macros.</summary>
    /// <exception cref="XmlException">The part is not well-formed XML, or holds a DTD.</exception>
    public static bool DeclareMacros(Stream contentTypesPart)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(contentTypesPart, settings);
        var macros = false;
        while (reader.Read())
        {
            // Read to the end either way, so that a malformed part is refused as damaged.
            macros |= reader is { NodeType: XmlNodeType.Element, LocalName: "Default" or "Override" }
                && reader.GetAttribute("ContentType") is { } type && IsMacroContentType(type);
        }

        return macros;
    }
}
