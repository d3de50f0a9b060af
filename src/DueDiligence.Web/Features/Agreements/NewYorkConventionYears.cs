using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.IpRights;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Agreements;

/// <summary>
/// Each country's New York Convention standing, from the treaty reference data as legal keeps it (seeded from
/// ip-treaties.csv, corrected on the country's page): a year means a party since then, "no" not a party, a blank or a
/// country not listed unknown — never "no". The one place the agreements feature reads treaty data.
/// </summary>
public static class NewYorkConventionYears
{
    /// <summary>The standing of every listed country, for the agreements of one supplier.</summary>
    public static async Task<Func<CountryCode, NewYorkConventionStatus>> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var treaties = await db.CountryTreaties.AsNoTracking().Include(t => t.Values).ToListAsync(cancellationToken);
        var statuses = treaties.ToDictionary(t => t.Country, t => Of(t.Reading(TreatyFact.NewYorkConvention)));
        return country => statuses.TryGetValue(country, out var status) ? status : NewYorkConventionStatus.Unknown;
    }

    internal static NewYorkConventionStatus Of(TreatyReading reading) => reading switch
    {
        { Yes: true, Since: { } year } => NewYorkConventionStatus.PartySince(year),
        { Yes: false } => NewYorkConventionStatus.NotParty,
        _ => NewYorkConventionStatus.Unknown,
    };
}
