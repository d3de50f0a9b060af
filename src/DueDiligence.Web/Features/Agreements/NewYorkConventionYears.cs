using System.Globalization;
using CsvHelper;
using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Common;

namespace DueDiligence.Web.Features.Agreements;

/// <summary>
/// Each country's New York Convention standing, read once from the shipped treaty reference data (Seed/ip-treaties.csv,
/// column new_york_convention_in_force_year): a year means a party since then, "no" not a party, a blank or a country
/// not listed unknown. The one place the agreements feature reads treaty data, so that it can move to the database.
/// </summary>
public sealed class NewYorkConventionYears
{
    private const string Resource = "DueDiligence.Web.Seed.ip-treaties.csv";

    private readonly Lazy<IReadOnlyDictionary<string, NewYorkConventionStatus>> statuses = new(Read);

    public NewYorkConventionStatus Of(CountryCode country) =>
        statuses.Value.TryGetValue(country.Value, out var status) ? status : NewYorkConventionStatus.Unknown;

    private static IReadOnlyDictionary<string, NewYorkConventionStatus> Read()
    {
        using var stream = typeof(NewYorkConventionYears).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException("The reference data ip-treaties.csv is not embedded in the app.");
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',' }, false);
        var result = new Dictionary<string, NewYorkConventionStatus>(StringComparer.Ordinal);
        while (csv.Read())
        {
            result[csv.GetString("country_code").Trim().ToUpperInvariant()] = Parse(csv.GetStringOrNull("new_york_convention_in_force_year"));
        }

        return result;
    }

    internal static NewYorkConventionStatus Parse(string? cell)
    {
        var text = cell?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return NewYorkConventionStatus.Unknown;
        }

        if (string.Equals(text, "no", StringComparison.OrdinalIgnoreCase))
        {
            return NewYorkConventionStatus.NotParty;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? NewYorkConventionStatus.PartySince(year)
            : NewYorkConventionStatus.Unknown;
    }
}
