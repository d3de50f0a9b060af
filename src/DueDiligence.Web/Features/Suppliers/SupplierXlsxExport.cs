using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>
/// The register file as an Excel workbook: a bold, frozen header with a filter, sized columns, figures and dates as
/// real numbers, lists and descriptions wrapped on their lines. Text goes in as inline strings, which Excel never
/// evaluates as formulas.
/// </summary>
internal static class SupplierXlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string SheetName = "Suppliers";

    // Indexes into the cell formats of Styles().
    private const uint HeaderStyle = 1;
    private const uint FigureStyle = 2;
    private const uint WholeNumberStyle = 3;
    private const uint DateStyle = 4;
    private const uint WrappedStyle = 5;

    public static byte[] Create(IReadOnlyList<SupplierExportRow> rows) => Create(rows, SupplierFileColumns.All);

    public static byte[] Create(IReadOnlyList<SupplierExportRow> rows, IReadOnlyList<SupplierFileColumn> columns)
    {
        var lastCell = $"{ColumnName(columns.Count - 1)}{rows.Count + 1}";
        var sheetData = new SheetData(new Row(columns.Select((c, i) => TextCell(i, 1, c.Name, HeaderStyle))) { RowIndex = 1 });
        for (var r = 0; r < rows.Count; r++)
        {
            var rowIndex = (uint)r + 2;
            sheetData.Append(new Row(columns.Select((c, i) => ValueCell(i, rowIndex, c.Value(rows[r]), Wraps(c))).OfType<Cell>()) { RowIndex = rowIndex });
        }

        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(
                FrozenHeader(),
                new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })),
                sheetData,
                new AutoFilter { Reference = $"A1:{lastCell}" });
            workbookPart.Workbook = new Workbook(
                new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }),
                // Excel writes this hidden name with every filter and expects to find it.
                new DefinedNames(new DefinedName($"'{SheetName}'!$A$1:${ColumnName(columns.Count - 1)}${rows.Count + 1}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = 0,
                    Hidden = true,
                }));
        }

        return buffer.ToArray();
    }

    private static SheetViews FrozenHeader() => new(new SheetView(
        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
    {
        TabSelected = true,
        WorkbookViewId = 0,
    });

    /// <summary>Lists (one entry per line) and descriptions show every line.</summary>
    private static bool Wraps(SupplierFileColumn column) => column.IsList || column.Name == SupplierFileColumns.Description;

    private static Cell? ValueCell(int column, uint row, object? value, bool wrap) => value switch
    {
        null => null,
        double figure => NumberCell(column, row, figure, FigureStyle),
        int whole => NumberCell(column, row, whole, WholeNumberStyle),
        DateOnly date => NumberCell(column, row, date.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle),
        _ => TextCell(column, row, value.ToString()!, wrap ? WrappedStyle : 0),
    };

    private static Cell NumberCell(int column, uint row, double value, uint style) => new()
    {
        CellReference = $"{ColumnName(column)}{row}",
        StyleIndex = style,
        CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
    };

    private static Cell TextCell(int column, uint row, string value, uint style) => new()
    {
        CellReference = $"{ColumnName(column)}{row}",
        StyleIndex = style,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(XmlSafe(value)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    /// <summary>Stored text may hold control characters that XML cannot carry; they become U+FFFD instead of breaking the file.</summary>
    private static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i++, 2);
            }
            else
            {
                safe.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return safe.ToString();
    }

    /// <summary>A, B, … Z, AA, AB …</summary>
    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd" })
        { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE8EEF6" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Format(numberFormat: 0, font: 0, fill: 0),
            Format(numberFormat: 0, font: 1, fill: 2),
            Format(numberFormat: 164, font: 0, fill: 0),
            Format(numberFormat: 1, font: 0, fill: 0),
            Format(numberFormat: 165, font: 0, fill: 0),
            Wrapped())
        { Count = 6 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static CellFormat Wrapped() => new(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
    {
        NumberFormatId = 0,
        FontId = 0,
        FillId = 0,
        BorderId = 0,
        FormatId = 0,
        ApplyAlignment = true,
    };

    private static CellFormat Format(uint numberFormat, uint font, uint fill) => new()
    {
        NumberFormatId = numberFormat,
        FontId = font,
        FillId = fill,
        BorderId = 0,
        FormatId = 0,
        ApplyNumberFormat = numberFormat != 0,
        ApplyFont = font != 0,
        ApplyFill = fill != 0,
    };
}
