using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>One row of a worksheet: its number as Excel shows it, and its cells as text from column A on.</summary>
internal sealed record SheetRow(int Number, IReadOnlyList<string?> Values);

/// <summary>The rows of the sheet an import reads, or why the workbook cannot be read.</summary>
internal sealed record SheetContent(string? SheetName, int OtherSheets, IReadOnlyList<SheetRow> Rows, string? Error);

/// <summary>
/// Reads the register sheet of an Excel workbook (.xlsx) as text: the sheet named "Suppliers", else the first one.
/// Text cells (inline or shared), numbers and booleans are read as Excel stores them; formulas by their last result.
/// </summary>
internal static class SupplierXlsxReader
{
    public const string SheetName = "Suppliers";

    private const string Unreadable = "The file is not an Excel workbook that can be read. Open it in Excel and save it again as Excel Workbook (.xlsx) or CSV UTF-8.";

    /// <summary>Generous for 2,000 suppliers with long descriptions, and a stop for a file that unpacks to gigabytes.</summary>
    private const long MaxCharactersInPart = 40_000_000;

    private const int MaxRows = SupplierImportFile.MaxRecords + 100;

    /// <summary>A workbook is a ZIP package: it starts with "PK\x03\x04".</summary>
    public static bool IsWorkbook(byte[] content) => content is [0x50, 0x4B, 0x03, 0x04, ..];

    /// <summary>An Excel 97–2003 file is an OLE compound document.</summary>
    public static bool IsOldExcel(byte[] content) => content is [0xD0, 0xCF, 0x11, 0xE0, ..];

    public static SheetContent Read(byte[] content)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), isEditable: false,
                new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbookPart = document.WorkbookPart;
            var sheets = workbookPart?.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
            var sheet = sheets.FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), SheetName, StringComparison.OrdinalIgnoreCase)) ?? sheets.FirstOrDefault();
            if (workbookPart is null || sheet?.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart worksheetPart)
            {
                return new SheetContent(null, 0, [], "The workbook has no worksheet. Put the suppliers on a sheet named “Suppliers”, one per row below the header.");
            }

            var shared = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToList() ?? [];
            var rows = new List<SheetRow>();
            var lastNumber = 0;
            foreach (var row in worksheetPart.Worksheet.Descendants<Row>())
            {
                var number = (int?)row.RowIndex?.Value ?? lastNumber + 1;
                lastNumber = number;
                var values = Values(row, shared);
                if (values.Any(v => !string.IsNullOrWhiteSpace(v)))
                {
                    rows.Add(new SheetRow(number, values));
                }

                if (rows.Count > MaxRows)
                {
                    break;
                }
            }

            return new SheetContent(sheet.Name?.Value, sheets.Count - 1, rows, null);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException
                                       or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            // A damaged package, a part larger than the limit, or XML that is not a worksheet.
            return new SheetContent(null, 0, [], Unreadable);
        }
    }

    private static List<string?> Values(Row row, List<string> shared)
    {
        var values = new List<string?>();
        var next = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
            if (column < 0 || column > 16_383)
            {
                continue;
            }

            while (values.Count <= column)
            {
                values.Add(null);
            }

            values[column] = Text(cell, shared);
            next = column + 1;
        }

        return values;
    }

    private static string? Text(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? ItemText(inline) : null;
        }

        var raw = cell.CellValue?.Text;
        if (raw is null)
        {
            return null;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : null;
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        // Numbers as Excel stores them: a DUNS typed as 123456789 reads back as "123456789".
        return raw;
    }

    /// <summary>The text of a shared or inline string: its plain text, or its runs; never the phonetic guides.</summary>
    private static string ItemText(OpenXmlCompositeElement item)
    {
        var text = item.GetFirstChild<Text>();
        return text is not null ? text.Text : string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));
    }

    /// <summary>"A1" → 0, "AB12" → 27.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c) || letters == 3)
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            letters++;
        }

        return letters == 0 ? -1 : index - 1;
    }
}
