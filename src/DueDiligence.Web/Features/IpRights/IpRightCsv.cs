using System.Globalization;
using System.Text;
using CsvHelper;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.IpRights;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Web.Features.IpRights;

/// <summary>One line of an import file: the right it describes, or every reason it cannot be imported.</summary>
public sealed record IpRightCsvRow(int Line, string? Title, IpRightDetails? Details, IReadOnlyList<string> Errors);

/// <summary>What an import file holds: problems of the file as a whole and each line read.</summary>
public sealed record IpRightCsvFile(IReadOnlyList<string> FileErrors, IReadOnlyList<IpRightCsvRow> Rows)
{
    public bool CanImport => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Errors.Count == 0);
}

/// <summary>
/// The register as CSV, one right per line, which the import reads back as it was written: UTF-8 with a byte-order mark,
/// formula-like cells escaped with an apostrophe, and the countries of a right one per line of their cell:
/// <c>CN | Registered | filed | registered | expires</c> (dates yyyy-mm-dd, blank when not known).
/// </summary>
public static class IpRightCsv
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const string Kind = "Kind";
    public const string Title = "Title";
    public const string Number = "Number";
    public const string OwnerEntity = "Owner entity";
    public const string Protects = "Protects";
    public const string Countries = "Countries";
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 2000;

    private static readonly string[] Columns = [Kind, Title, Number, OwnerEntity, Protects, Countries];

    public static byte[] Write(IEnumerable<IpRight> rights)
    {
        using var buffer = new MemoryStream();
        using (var writer = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true))
        {
            writer.WriteHeader(Columns);
            foreach (var right in rights)
            {
                writer.WriteField(IpRightKinds.Label(right.Kind));
                writer.WriteField(right.Title);
                writer.WriteField(right.Number);
                writer.WriteField(right.OwnerEntity);
                writer.WriteField(string.Join("; ", right.Protects.Select(AssetLabels.Of)));
                writer.WriteField(string.Join('\n', right.Countries.OrderBy(c => c.Country.Value, StringComparer.Ordinal).Select(CountryLine)));
                writer.EndRecord();
            }
        }

        return buffer.ToArray();
    }

    public static IpRightCsvFile Read(byte[] content)
    {
        if (content.Length == 0)
        {
            return new(["The file is empty: export the register for a file with the right columns."], []);
        }

        if (content.Length > MaxBytes)
        {
            return new([$"The file is larger than {MaxBytes / 1024 / 1024} MB: split it and import the parts one after another."], []);
        }

        try
        {
            _ = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return new(["The file is not UTF-8 text: save it again as “CSV UTF-8” from your spreadsheet."], []);
        }

        var malformed = new List<CsvMalformedRecord>();
        using var reader = CsvReader.Create(content, new CsvReaderOptions
        {
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = malformed.Add,
        });
        var headers = reader.Headers.Select(h => h?.Trim() ?? "").ToList();
        var missing = Columns.Where(c => !headers.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            return new([$"The header has no column {string.Join(", ", missing.Select(m => $"“{m}”"))}: the first line must name the columns {string.Join(", ", Columns)}."], []);
        }

        var index = Columns.ToDictionary(c => c, c => headers.FindIndex(h => h.Equals(c, StringComparison.OrdinalIgnoreCase)));
        var rows = new List<IpRightCsvRow>();
        while (reader.Read())
        {
            if (rows.Count == MaxRows)
            {
                return new([$"The file has more than {MaxRows} rights: split it and import the parts one after another."], []);
            }

            string? Cell(string column) => Clean(index[column] < reader.FieldCount ? reader.GetString(index[column]) : null);
            rows.Add(ReadRow((int)reader.LineNumber, Cell));
        }

        var fileErrors = malformed.Select(m => $"Line {m.LineNumber} is not valid CSV (a quote is not closed or stands inside a value): put the value in quotes and write each quote inside it twice.").ToList();
        if (rows.Count == 0 && fileErrors.Count == 0)
        {
            fileErrors.Add("The file has a header but no rights.");
        }

        return new(fileErrors, MarkDuplicates(rows));
    }

    private static IpRightCsvRow ReadRow(int line, Func<string, string?> cell)
    {
        var errors = new List<string>();
        var kind = ParseKind(cell(Kind), errors);
        var protects = new List<IpAssetCategory>();
        foreach (var name in Split(cell(Protects), ';', '\n'))
        {
            var asset = Enum.GetValues<IpAssetCategory>().Cast<IpAssetCategory?>()
                .FirstOrDefault(a => AssetLabels.Of(a!.Value).Equals(name, StringComparison.OrdinalIgnoreCase) || a!.Value.ToString().Equals(name, StringComparison.OrdinalIgnoreCase));
            if (asset is null)
            {
                errors.Add($"“{name}” in {Protects} is not a kind of IP: use {string.Join(", ", Enum.GetValues<IpAssetCategory>().Select(AssetLabels.Of))}.");
            }
            else
            {
                protects.Add(asset.Value);
            }
        }

        var countries = Split(cell(Countries), '\n').Select(text => ParseCountry(text, errors)).OfType<IpRightCountryDetails>().ToList();
        var title = cell(Title);
        if (errors.Count > 0 || kind is null)
        {
            return new(line, title, null, errors);
        }

        var details = new IpRightDetails(kind.Value, title ?? "", cell(Number), cell(OwnerEntity) ?? "", protects, countries);
        try
        {
            _ = new IpRight(details, DateTime.UnixEpoch); // the domain's own rules, with its sentences
            return new(line, title, details, []);
        }
        catch (DomainException e)
        {
            return new(line, title, null, [e.Message]);
        }
    }

    private static IpRightKind? ParseKind(string? text, List<string> errors)
    {
        foreach (var kind in Enum.GetValues<IpRightKind>())
        {
            if (string.Equals(text, IpRightKinds.Label(kind), StringComparison.OrdinalIgnoreCase) || string.Equals(text, kind.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        errors.Add(text is null
            ? $"{Kind} is empty: use {string.Join(", ", Enum.GetValues<IpRightKind>().Select(IpRightKinds.Label))}."
            : $"“{text}” is not a kind of right: use {string.Join(", ", Enum.GetValues<IpRightKind>().Select(IpRightKinds.Label))}.");
        return null;
    }

    private static IpRightCountryDetails? ParseCountry(string text, List<string> errors)
    {
        var parts = text.Split('|').Select(p => p.Trim()).ToList();
        if (parts.Count is < 2 or > 5)
        {
            errors.Add($"“{text}” in {Countries} should read country | status | filed | registered | expires, e.g. “VN | Registered | 2024-02-01 | 2025-03-01 | 2035-02-01”.");
            return null;
        }

        var ok = CountryCode.TryParse(parts[0], out var country);
        if (!ok)
        {
            errors.Add($"“{parts[0]}” in {Countries} is not an ISO country code (two letters, e.g. CN, VN).");
        }

        RightStatus? status = Enum.GetValues<RightStatus>().Cast<RightStatus?>().FirstOrDefault(s => RightStatuses.Label(s!.Value).Equals(parts[1], StringComparison.OrdinalIgnoreCase) || s!.Value.ToString().Equals(parts[1], StringComparison.OrdinalIgnoreCase));
        if (status is null)
        {
            errors.Add($"“{parts[1]}” in {Countries} is not a status: use Filed, Registered, Expired or Not filed.");
        }

        var dates = new DateOnly?[3];
        string[] names = ["filing date", "registration date", "expiry date"];
        for (var i = 0; i < 3; i++)
        {
            var value = parts.Count > i + 2 ? parts[i + 2] : "";
            if (value.Length == 0)
            {
                continue;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                dates[i] = date;
            }
            else
            {
                errors.Add($"“{value}” in {Countries} is not a {names[i]}: write it as yyyy-mm-dd, e.g. 2025-03-01.");
                ok = false;
            }
        }

        return ok && status is not null ? new IpRightCountryDetails(country, status.Value, dates[0], dates[1], dates[2]) : null;
    }

    /// <summary>A right given twice in the file is refused on its second line, so that nothing is imported twice.</summary>
    private static List<IpRightCsvRow> MarkDuplicates(List<IpRightCsvRow> rows)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return rows.Select(row =>
        {
            if (row.Details is null)
            {
                return row;
            }

            var key = KeyOf(row.Details.Kind, row.Details.Title, row.Details.Number);
            if (seen.TryGetValue(key, out var first))
            {
                return row with { Details = null, Errors = [$"The same right (kind, title and number) is already on line {first}."] };
            }

            seen[key] = row.Line;
            return row;
        }).ToList();
    }

    internal static string KeyOf(IpRightKind kind, string title, string? number) => $"{kind}|{title.Trim()}|{number?.Trim()}";

    private static string CountryLine(IpRightCountry c) =>
        string.Join(" | ", c.Country.Value, RightStatuses.Label(c.Status), Date(c.FiledOn), Date(c.RegisteredOn), Date(c.ExpiresOn)).TrimEnd(' ', '|');

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static IEnumerable<string> Split(string? cell, params char[] separators) =>
        (cell ?? "").Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Trimmed, null when blank; the export's apostrophe in front of a formula-like cell is taken off again.</summary>
    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length > 1 && trimmed[0] == '\'' && trimmed[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? trimmed[1..] : trimmed;
    }
}
