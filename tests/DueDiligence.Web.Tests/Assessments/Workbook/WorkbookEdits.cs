using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DueDiligence.Web.Tests.Assessments.Workbook;

/// <summary>
/// Changes a downloaded questionnaire workbook the way a supplier (or a careless edit) would, with the Open XML SDK:
/// answers typed into cells, a question code edited, the hidden check sheet removed or its values changed.
/// </summary>
internal sealed class WorkbookEdits : IDisposable
{
    private readonly MemoryStream stream;
    private readonly SpreadsheetDocument document;

    private WorkbookEdits(byte[] content)
    {
        stream = new MemoryStream();
        stream.Write(content);
        document = SpreadsheetDocument.Open(stream, isEditable: true);
    }

    public static byte[] Apply(byte[] workbook, Action<WorkbookEdits> edit)
    {
        using var edits = new WorkbookEdits(workbook);
        edit(edits);
        return edits.Save();
    }

    /// <summary>The row number of a question on the questionnaire sheet, found by its hidden code.</summary>
    public int RowOf(string questionCode) =>
        (int)Rows("Questionnaire").First(r => Text(r, "G") == questionCode).RowIndex!.Value;

    /// <summary>Every question code of the questionnaire sheet, in row order.</summary>
    public IReadOnlyList<string> Codes() => Rows("Questionnaire").Skip(1).Select(r => Text(r, "G")).ToList();

    public WorkbookEdits Answer(string questionCode, string text) => SetText("Questionnaire", RowOf(questionCode), "E", text);

    public WorkbookEdits AnswerNumber(string questionCode, double number)
    {
        var cell = CellAt("Questionnaire", RowOf(questionCode), "E");
        cell.InlineString = null;
        cell.DataType = CellValues.Number;
        cell.CellValue = new CellValue(number);
        return this;
    }

    public WorkbookEdits Comment(string questionCode, string text) => SetText("Questionnaire", RowOf(questionCode), "F", text);

    public WorkbookEdits SetText(string sheet, int row, string column, string text)
    {
        var cell = CellAt(sheet, row, column);
        cell.CellValue = null;
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return this;
    }

    /// <summary>Sets a value on the very hidden check sheet, found by its label in column A.</summary>
    public WorkbookEdits SetCheck(string label, string value)
    {
        var row = Rows("Check").First(r => Text(r, "A") == label);
        return SetText("Check", (int)row.RowIndex!.Value, "B", value);
    }

    public WorkbookEdits RemoveSheet(string name)
    {
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook!.Sheets!.Elements<Sheet>().First(s => s.Name == name);
        workbookPart.DeletePart(workbookPart.GetPartById(sheet.Id!));
        sheet.Remove();
        return this;
    }

    public WorkbookEdits DeleteRow(string questionCode)
    {
        Rows("Questionnaire").First(r => Text(r, "G") == questionCode).Remove();
        return this;
    }

    private byte[] Save()
    {
        document.Dispose();
        return stream.ToArray();
    }

    public void Dispose()
    {
        document.Dispose();
        stream.Dispose();
    }

    private IEnumerable<Row> Rows(string sheet) => Part(sheet).Worksheet!.Descendants<Row>();

    private WorksheetPart Part(string name)
    {
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook!.Sheets!.Elements<Sheet>().First(s => s.Name == name);
        return (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
    }

    private Cell CellAt(string sheet, int rowNumber, string column)
    {
        var row = Rows(sheet).First(r => r.RowIndex!.Value == rowNumber);
        var reference = $"{column}{rowNumber}";
        return row.Elements<Cell>().First(c => c.CellReference == reference);
    }

    private static string Text(Row row, string column) =>
        row.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value!.StartsWith(column, StringComparison.Ordinal)
                                                  && char.IsAsciiDigit(c.CellReference.Value[column.Length]))?.InnerText ?? "";
}
