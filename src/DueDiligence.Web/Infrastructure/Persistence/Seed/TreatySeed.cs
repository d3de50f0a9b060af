using CsvHelper;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.IpRights;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>
/// Loads the shipped IP treaty data (Seed/ip-treaties.csv) into an empty table. Blank cells stay blank (read as "unknown",
/// never as "no"); corrections by legal are never overwritten.
/// </summary>
public static class TreatySeed
{
    private const string SeededBy = "reference data";

    public static async Task SeedAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (await db.CountryTreaties.AnyAsync(cancellationToken))
        {
            return;
        }

        using var stream = typeof(TreatySeed).Assembly.GetManifestResourceStream("DueDiligence.Web.Seed.ip-treaties.csv")
            ?? throw new InvalidOperationException("The reference data ip-treaties.csv is not embedded in the app.");
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',' }, false);
        while (csv.Read())
        {
            var treaties = new CountryTreaties(CountryCode.Parse(csv.GetString("country_code")), csv.GetStringOrNull("source_ids"), csv.GetStringOrNull("notes"));
            foreach (var dataset in TreatySources.All)
            {
                treaties.Set(dataset.Fact, csv.GetStringOrNull(dataset.Column), dataset.Source, dataset.Year, null, SeededBy, nowUtc);
            }

            db.CountryTreaties.Add(treaties);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
