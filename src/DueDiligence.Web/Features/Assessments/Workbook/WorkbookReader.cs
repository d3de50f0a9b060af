using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DueDiligence.Web.Features.Assessments.Workbook;

/// <summary>One row of the questionnaire sheet: its number as Excel shows it and its cells by column letter.</summary>
internal sealed record WorkbookRow(int Number, IReadOnlyDictionary<string, CellContent> Cells)
{
    public CellContent this[string column] => Cells.GetValueOrDefault(column, CellContent.Empty);

    public string Text(string column) => this[column] is { Number: { } n } ? n.ToString(CultureInfo.InvariantCulture) : this[column].Text?.Trim() ?? "";
}

/// <summary>
/// What a questionnaire workbook holds: the check values (null when the check sheet is missing), the rows of the
/// questionnaire sheet (null when it is missing), or why the package cannot be read at all.
/// </summary>
internal sealed record WorkbookContent(IReadOnlyDictionary<string, string>? Check, IReadOnlyList<WorkbookRow>? Rows, string? Unreadable);

/// <summary>Reads a questionnaire workbook as Excel or another spreadsheet program saved it: shared or inline text, numbers, booleans.</summary>
internal static class WorkbookReader
{
    /// <summary>A questionnaire of a few hundred questions is a fraction of this; a file that unpacks to more is refused.</summary>
    private const long MaxCharactersInPart = 20_000_000;

    private const int MaxRows = 5_000;

    public static WorkbookContent Read(byte[] content)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), isEditable: false,
                new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbookPart = document.WorkbookPart;
            if (workbookPart?.Workbook?.Sheets is null)
            {
                return new WorkbookContent(null, null, "The file is a package but has no workbook in it.");
            }

            var shared = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var check = Sheet(workbookPart, WorkbookLayout.CheckSheet, shared) is { } checkRows
                ? checkRows.Where(r => r.Text("A").Length > 0).GroupBy(r => r.Text("A")).ToDictionary(g => g.Key, g => g.First().Text("B"))
                : null;
            return new WorkbookContent(check, Sheet(workbookPart, WorkbookLayout.QuestionSheet, shared), null);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException
                                       or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            return new WorkbookContent(null, null, "The workbook cannot be read: it may be damaged. Open it in Excel, save it again as Excel Workbook (.xlsx) and import that copy.");
        }
    }

    private static List<WorkbookRow>? Sheet(WorkbookPart workbookPart, string name, List<string> shared)
    {
        var sheet = workbookPart.Workbook!.Sheets!.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == name);
        if (sheet?.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
        {
            return null;
        }

        var rows = new List<WorkbookRow>();
        var lastNumber = 0;
        foreach (var row in part.Worksheet!.Descendants<Row>().Take(MaxRows))
        {
            var number = (int?)row.RowIndex?.Value ?? lastNumber + 1;
            lastNumber = number;
            var cells = new Dictionary<string, CellContent>();
            var lastColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnOf(cell.CellReference?.Value) ?? WorkbookLayout.ColumnName(lastColumn + 1);
                lastColumn = ColumnNumber(column);
                cells[column] = ContentOf(cell, shared);
            }

            rows.Add(new WorkbookRow(number, cells));
        }

        return rows;
    }

    private static CellContent ContentOf(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return new(cell.InlineString?.InnerText, null);
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? new(shared[index], null) : CellContent.Empty;
        }

        if (type == CellValues.Boolean)
        {
            return new(raw == "1" ? "TRUE" : "FALSE", null);
        }

        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date)
        {
            return new(raw, null);
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? new(null, number) : new(raw, null);
    }

    private static string? ColumnOf(string? reference) =>
        reference is null ? null : new string(reference.TakeWhile(char.IsAsciiLetter).ToArray()).ToUpperInvariant() is { Length: > 0 } letters ? letters : null;

    private static int ColumnNumber(string column) => column.Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));
}
