using System.Globalization;
using CsvHelper;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>
/// The register file as CSV: UTF-8 with a byte-order mark so that Excel shows accents right, and no cell that a
/// spreadsheet would run as a formula (such a cell starts with an apostrophe, which the import takes off again).
/// </summary>
internal static class SupplierCsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        // A supplier named "=HYPERLINK(…)" must stay text: the escape puts a ' in front, which Excel reads as "this is text".
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static byte[] Create(IReadOnlyList<SupplierExportRow> rows) => Create(rows, SupplierFileColumns.All);

    public static byte[] Create(IReadOnlyList<SupplierExportRow> rows, IReadOnlyList<SupplierFileColumn> columns)
    {
        using var buffer = new MemoryStream();
        using (var writer = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            writer.WriteHeader([.. columns.Select(c => c.Name)]);
            foreach (var row in rows)
            {
                foreach (var column in columns)
                {
                    Write(writer, column.Value(row));
                }

                writer.EndRecord();
            }
        }

        return buffer.ToArray();
    }

    private static void Write(CsvWriter writer, object? value)
    {
        switch (value)
        {
            case double figure:
                writer.WriteField(figure, "0.0");
                break;
            case int whole:
                writer.WriteField(whole, "");
                break;
            case DateOnly date:
                writer.WriteField(date, "yyyy-MM-dd");
                break;
            default:
                writer.WriteField((string?)value);
                break;
        }
    }
}
