using System.Text.Unicode;
using CsvHelper;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>One supplier of an import file: the line (CSV) or row (Excel) it starts on, its cells by column, and a problem with its shape.</summary>
internal sealed record SupplierImportRecord(int LineNumber, IReadOnlyDictionary<string, string?> Cells, string? ShapeError);

/// <summary>
/// An import file (the register file, as CSV UTF-8 or an Excel workbook): its records, or why the file as a whole cannot
/// be imported. A workbook is recognised by its content, not its name.
/// </summary>
internal sealed record SupplierImportFile(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, IReadOnlyList<SupplierImportRecord> Records)
{
    public const int MaxRecords = 2000;

    private const string EmptyFile = "The file is empty. Download the template, fill in one supplier per row and upload it again.";

    /// <summary>"line" for a CSV file, "row" for a workbook: how the preview and the errors name a record's place.</summary>
    public string RowNoun { get; init; } = "line";

    public static SupplierImportFile Read(byte[] content)
    {
        if (content.Length == 0)
        {
            return Refused(EmptyFile);
        }

        if (SupplierXlsxReader.IsWorkbook(content))
        {
            return ReadWorkbook(content);
        }

        if (SupplierXlsxReader.IsOldExcel(content))
        {
            return Refused("This is an Excel 97–2003 workbook (.xls). Save it as Excel Workbook (.xlsx) or as CSV UTF-8, then upload that file.");
        }

        if (!Utf8.IsValid(content))
        {
            return Refused($"The file is not UTF-8 text: invalid bytes on line {LineOfFirstInvalidByte(content)}. Save it as CSV UTF-8 and upload again.");
        }

        return ReadCsv(content);
    }

    private static SupplierImportFile ReadCsv(byte[] content)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var records = new List<SupplierImportRecord>();
        var malformed = new List<CsvMalformedRecord>();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            // Skip (not Throw) so that every badly quoted line is named at once, not only the first.
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = malformed.Add,
        };
        using var reader = CsvReader.Create(content, options);
        // Reading the header reports a malformed one to OnMalformedRecord.
        if (reader.Headers.All(string.IsNullOrWhiteSpace) && malformed.Count == 0)
        {
            return Refused(EmptyFile);
        }

        var columns = ReadHeader(reader.Headers, errors, warnings);
        while (reader.Read())
        {
            var cells = Cells(columns, i => reader.GetString(i));
            var extra = Enumerable.Range(reader.Headers.Count, Math.Max(0, reader.FieldCount - reader.Headers.Count)).Any(i => !reader.IsEmpty(i));
            if (cells.Values.All(v => v is null) && !extra)
            {
                continue;
            }

            var shape = extra
                ? $"The line has {reader.FieldCount} values but the header names {reader.Headers.Count} columns: put quotes around any value that contains “{reader.Separator}”."
                : null;
            records.Add(new SupplierImportRecord((int)reader.LineNumber, cells, shape));
        }

        errors.AddRange(malformed.Select(m => $"Malformed quoting on line {m.LineNumber}: {Explain(m.Reason)}"));
        return Finish(errors, warnings, records, "line");
    }

    private static SupplierImportFile ReadWorkbook(byte[] content)
    {
        var sheet = SupplierXlsxReader.Read(content);
        if (sheet.Error is not null)
        {
            return Refused(sheet.Error);
        }

        if (sheet.Rows.Count == 0)
        {
            return Refused(EmptyFile);
        }

        var errors = new List<string>();
        var warnings = new List<string>();
        var header = sheet.Rows[0];
        var columns = ReadHeader(header.Values, errors, warnings);
        var records = new List<SupplierImportRecord>();
        foreach (var row in sheet.Rows.Skip(1))
        {
            var cells = Cells(columns, i => i < row.Values.Count ? row.Values[i] : null);
            var extra = row.Values.Skip(header.Values.Count).Any(v => !string.IsNullOrWhiteSpace(v));
            if (cells.Values.All(v => v is null) && !extra)
            {
                continue;
            }

            var shape = extra ? "The row has values to the right of the last named column: give that column a header or clear those cells." : null;
            records.Add(new SupplierImportRecord(row.Number, cells, shape));
        }

        if (sheet.SheetName is { } name && sheet.OtherSheets > 0)
        {
            warnings.Add($"Only the sheet “{name}” is read; the workbook's other sheets are ignored.");
        }

        return Finish(errors, warnings, records, "row");
    }

    private static SupplierImportFile Finish(List<string> errors, List<string> warnings, List<SupplierImportRecord> records, string rowNoun)
    {
        if (errors.Count == 0 && records.Count == 0)
        {
            errors.Add("The file has a header but no suppliers. Add one supplier per row below the header.");
        }

        if (records.Count > MaxRecords)
        {
            errors.Add($"The file has {records.Count:N0} suppliers; import at most {MaxRecords:N0} at a time by splitting the file.");
        }

        return new SupplierImportFile(errors, warnings, records) { RowNoun = rowNoun };
    }

    private static SupplierImportFile Refused(string error) => new([error], [], []);

    /// <summary>The cells of the columns the import reads, trimmed, null when empty.</summary>
    private static Dictionary<string, string?> Cells(Dictionary<string, int> columns, Func<int, string?> value) =>
        SupplierFileColumns.Imported.ToDictionary(c => c.Name, c => columns.TryGetValue(c.Name, out var index) ? Clean(value(index)) : null);

    /// <summary>
    /// Maps each imported column to its index. The register's own results (status, owner, scores…) are left alone
    /// without a word; columns the register does not know are reported and ignored.
    /// </summary>
    private static Dictionary<string, int> ReadHeader(IReadOnlyList<string?> headers, List<string> errors, List<string> warnings)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i]?.Trim() ?? "";
            if (name.Length == 0)
            {
                continue;
            }

            var column = SupplierFileColumns.Named(name);
            if (column is null)
            {
                warnings.Add($"The column “{name}” is ignored: the import reads {string.Join(", ", SupplierFileColumns.Imported.Select(c => c.Name))}.");
            }
            else if (column.Imported && !columns.TryAdd(column.Name, i))
            {
                errors.Add($"The column {column.Name} appears twice; keep one of them.");
            }
        }

        // A header that could not be read has already been reported as malformed.
        if (headers.Count > 0)
        {
            errors.AddRange(SupplierFileColumns.Required.Where(c => !columns.ContainsKey(c)).Select(c =>
                $"The required column {c} is missing. The first row must name the columns ({SupplierFileColumns.LegalName}, {SupplierFileColumns.HqCountry}, {SupplierFileColumns.Kind}, …); the template shows them all."));
        }

        return columns;
    }

    /// <summary>
    /// Trimmed, null when blank. The export puts an apostrophe in front of a cell that starts like a formula (= + - @),
    /// so that a spreadsheet shows it as text; the import takes it off again.
    /// </summary>
    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length > 1 && trimmed[0] == '\'' && trimmed[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? trimmed[1..] : trimmed;
    }

    private static string Explain(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside a value that does not start with one. Put the whole value in quotes and write each quote inside it twice (\"\").",
        CsvMalformedReason.TextAfterClosingQuote => "text follows the closing quote of a value. Put the whole value in quotes and write each quote inside it twice (\"\").",
        CsvMalformedReason.UnterminatedQuote => "a quoted value is never closed, so the rest of the file could not be read. Add the closing quote.",
        _ => "the line is not valid CSV. Save the file again as CSV UTF-8 from your spreadsheet.",
    };

    private static int LineOfFirstInvalidByte(byte[] content)
    {
        // Utf8.ToUtf16 stops at the first invalid sequence and says how many bytes before it were valid.
        Utf8.ToUtf16(content, new char[content.Length], out var validBytes, out _, replaceInvalidSequences: false);
        return content.AsSpan(0, validBytes).Count((byte)'\n') + 1;
    }
}
