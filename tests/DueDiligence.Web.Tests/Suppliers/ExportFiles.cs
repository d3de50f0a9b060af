using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DueDiligence.Web.Tests.Suppliers;

/// <summary>Reads exported files back the way a spreadsheet would, for assertions.</summary>
internal static class ExportFiles
{
    public static readonly string[] HeaderNames =
    [
        "Legal name", "HQ country", "Kind", "Registration no.", "DUNS", "LEI", "VAT", "Website", "Description", "Sites", "Subcontractors", "Contacts",
        "IP exposure", "Status", "Owner", "Highest sensitivity", "Exposure E", "Worst jurisdiction", "J", "Level", "Latest tier", "Latest R", "Reassessment due",
    ];

    /// <summary>Every record of the CSV, the header first, each as its field values.</summary>
    public static List<string[]> CsvRecords(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = false, Separator = ',' });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i) ?? "")]);
        }

        return records;
    }

    /// <summary>The first worksheet of a workbook: its cells by row, as text (inline strings) or the stored number.</summary>
    public static List<Cell[]> SheetRows(SpreadsheetDocument workbook) =>
        [.. Sheet(workbook).Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToArray())];

    public static WorksheetPart Sheet(SpreadsheetDocument workbook)
    {
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First();
        return (WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!);
    }

    public static string Text(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
}
