using System.Globalization;
using CsvHelper;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Agreements;

/// <summary>
/// The release ledger as CSV, the proof of "reasonable measures": one row per release with its fingerprint, approval,
/// covering agreement, return date and flags. UTF-8 with a byte-order mark; no cell a spreadsheet would run as a formula.
/// </summary>
internal static class ReleaseCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Header =
    [
        "released_on", "file_name", "sha256", "asset_kind", "sensitivity", "approved_by", "agreement", "return_or_destroy_by",
        "returned_on", "copy_kept_as_evidence", "recorded_by", "recorded_at_utc", "flags",
    ];

    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static byte[] Write(IReadOnlyList<ReleaseRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            writer.WriteHeader(Header);
            foreach (var row in rows.OrderBy(r => r.Release.ReleasedOn).ThenBy(r => r.Release.RecordedAtUtc))
            {
                var r = row.Release;
                writer.WriteField(r.ReleasedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteField(r.FileName);
                writer.WriteField(r.Sha256);
                writer.WriteField(SupplierLabels.Of(r.AssetKind));
                writer.WriteField(r.Sensitivity.ToString(CultureInfo.InvariantCulture));
                writer.WriteField(r.ApprovedByName);
                writer.WriteField(row.AgreementTitle ?? "");
                writer.WriteField(r.ReturnOrDestroyBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
                writer.WriteField(r.ReturnedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
                writer.WriteField(r.EvidenceStorageKey is null ? "no" : "yes");
                writer.WriteField(r.RecordedBy);
                writer.WriteField(r.RecordedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
                writer.WriteField(string.Join(" | ", row.Flags));
                writer.EndRecord();
            }
        }

        return buffer.ToArray();
    }

    public static string FileName(string supplierName, DateTime generatedAtUtc)
    {
        var slug = new string(supplierName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return $"file-releases-{slug}-{IsoDates.Day(generatedAtUtc)}.csv";
    }
}
