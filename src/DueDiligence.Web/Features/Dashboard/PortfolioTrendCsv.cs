using System.Globalization;
using CsvHelper;

namespace DueDiligence.Web.Features.Dashboard;

/// <summary>
/// The portfolio trend as CSV, one month a row: UTF-8 with a byte-order mark, and no cell that a spreadsheet would run as
/// a formula (as the supplier export).
/// </summary>
internal static class PortfolioTrendCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static byte[] Create(IReadOnlyList<TierMonth> months)
    {
        using var buffer = new MemoryStream();
        using (var writer = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            writer.WriteHeader(["Month", "As of", "Low", "Medium", "High", "Critical", "Total"]);
            foreach (var month in months)
            {
                writer.WriteField(month.Month);
                writer.WriteField(month.AsOf, "yyyy-MM-dd");
                foreach (var count in new[] { month.Low, month.Medium, month.High, month.Critical, month.Total })
                {
                    writer.WriteField(count, "");
                }

                writer.EndRecord();
            }
        }

        return buffer.ToArray();
    }
}
