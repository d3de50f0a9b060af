using System.Text.Unicode;
using CsvHelper;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>One data line of an import file: the line it starts on, its cells by column, and a problem with its shape.</summary>
internal sealed record SupplierImportRecord(int LineNumber, IReadOnlyDictionary<string, string?> Cells, string? ShapeError);

/// <summary>An import file read as strict UTF-8 CSV: its records, or why the file as a whole cannot be imported.</summary>
internal sealed record SupplierImportFile(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, IReadOnlyList<SupplierImportRecord> Records)
{
    public const int MaxRecords = 2000;

    private const string EmptyFile = "The file is empty. Download the template, fill in one supplier per line and upload it again.";

    public static SupplierImportFile Read(byte[] content)
    {
        if (content.Length == 0)
        {
            return Refused(EmptyFile);
        }

        if (!Utf8.IsValid(content))
        {
            return Refused($"The file is not UTF-8 text: invalid bytes on line {LineOfFirstInvalidByte(content)}. Save it as CSV UTF-8 and upload again.");
        }

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
            var cells = SupplierImportColumns.All.ToDictionary(c => c, c => columns.TryGetValue(c, out var index) ? Clean(reader.GetString(index)) : null);
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
        if (errors.Count == 0 && records.Count == 0)
        {
            errors.Add("The file has a header but no supplier rows. Add one supplier per line below the header.");
        }

        if (records.Count > MaxRecords)
        {
            errors.Add($"The file has {records.Count:N0} suppliers; import at most {MaxRecords:N0} at a time by splitting the file.");
        }

        return new SupplierImportFile(errors, warnings, records);
    }

    private static SupplierImportFile Refused(string error) => new([error], [], []);

    /// <summary>Maps each known column to its index; unknown columns are reported and ignored.</summary>
    private static Dictionary<string, int> ReadHeader(IReadOnlyList<string> headers, List<string> errors, List<string> warnings)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim();
            var key = name.ToLowerInvariant();
            if (key.Length == 0)
            {
                continue;
            }

            if (!SupplierImportColumns.All.Contains(key))
            {
                warnings.Add($"The column “{name}” is ignored: the import reads {string.Join(", ", SupplierImportColumns.All)}.");
            }
            else if (!columns.TryAdd(key, i))
            {
                errors.Add($"The column {key} appears twice; keep one of them.");
            }
        }

        // A header that could not be read has already been reported as malformed.
        if (headers.Count > 0)
        {
            errors.AddRange(SupplierImportColumns.Required.Where(c => !columns.ContainsKey(c)).Select(c =>
                $"The required column {c} is missing. The first line must name the columns (legal_name,hq_country,category,…); the template shows them all."));
        }

        return columns;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

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
