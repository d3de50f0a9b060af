using System.Globalization;
using CsvHelper;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>
/// Loads the shipped reference indicators (Seed/jurisdictions.csv) into an empty library. Blank cells stay blank
/// ("not available"); later corrections by administrators are never overwritten.
/// </summary>
public static class JurisdictionSeed
{
    private const string SeededBy = "reference data";

    public static async Task SeedAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (await db.Jurisdictions.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var row in ReadRows())
        {
            var jurisdiction = new Jurisdiction(CountryCode.Parse(row.Iso2), row.Notes);
            Set(jurisdiction, JurisdictionIndicator.Ustr301, row.Ustr301Status, row.Ustr301Year, nowUtc);
            Set(jurisdiction, JurisdictionIndicator.EuPriority, row.EuPriority, row.EuYear, nowUtc);
            Set(jurisdiction, JurisdictionIndicator.Cpi, row.CpiScore, row.CpiYear, nowUtc);
            Set(jurisdiction, JurisdictionIndicator.WgiRuleOfLaw, row.WgiRuleOfLaw, row.WgiYear, nowUtc);
            db.Jurisdictions.Add(jurisdiction);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Set(Jurisdiction jurisdiction, JurisdictionIndicator indicator, string? value, int? year, DateTime nowUtc)
    {
        var dataset = ReferenceSources.For(indicator);
        jurisdiction.SetIndicator(indicator, value, string.IsNullOrWhiteSpace(value) ? null : year, dataset.Source, dataset.Licence, SeededBy, nowUtc);
    }

    private static List<ReferenceRow> ReadRows()
    {
        using var stream = typeof(JurisdictionSeed).Assembly.GetManifestResourceStream("DueDiligence.Web.Seed.jurisdictions.csv")
            ?? throw new InvalidOperationException("The reference data jurisdictions.csv is not embedded in the app.");
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',' }, false);
        var rows = new List<ReferenceRow>();
        while (csv.Read())
        {
            rows.Add(new ReferenceRow(
                csv.GetString("iso2"),
                csv.GetStringOrNull("ustr301_status"), Year(csv, "ustr301_year"),
                csv.GetStringOrNull("eu_priority"), Year(csv, "eu_year"),
                csv.GetStringOrNull("cpi_score"), Year(csv, "cpi_year"),
                csv.GetStringOrNull("wgi_rule_of_law"), Year(csv, "wgi_year"),
                csv.GetStringOrNull("notes")));
        }

        return rows;
    }

    private static int? Year(CsvReader csv, string column) =>
        csv.GetStringOrNull(column) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    private sealed record ReferenceRow(
        string Iso2,
        string? Ustr301Status, int? Ustr301Year,
        string? EuPriority, int? EuYear,
        string? CpiScore, int? CpiYear,
        string? WgiRuleOfLaw, int? WgiYear,
        string? Notes);
}
