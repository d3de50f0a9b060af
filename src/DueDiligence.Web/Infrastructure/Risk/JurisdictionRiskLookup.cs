using DueDiligence.Domain.Common;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Risk;

/// <summary>
/// Jurisdiction risk J of countries, as the suppliers, assessments and reports need it. A country not in the
/// library has no indicator and no rating: its J is unknown (SCORING.md §5).
/// </summary>
public sealed class JurisdictionRiskLookup(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<CountryRisk>> ForAsync(IEnumerable<CountryCode> countries, CancellationToken cancellationToken = default)
    {
        var wanted = countries.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A supplier's few countries: one join, not three round trips.
        var known = await db.Jurisdictions.AsNoTracking().Include(j => j.Indicators).Include(j => j.Ratings).AsSingleQuery()
            .Where(j => wanted.Contains(j.Country)).ToDictionaryAsync(j => j.Country, cancellationToken);
        return wanted.Select(c => CountryRisk.Of(known.GetValueOrDefault(c) ?? new Jurisdiction(c))).ToList();
    }

    /// <summary>Every jurisdiction in the library, keyed by country, for pages that compute many risks at once.</summary>
    public async Task<IReadOnlyDictionary<CountryCode, CountryRisk>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.Jurisdictions.AsNoTracking().Include(j => j.Indicators).Include(j => j.Ratings).AsSplitQuery().ToListAsync(cancellationToken);
        return all.ToDictionary(j => j.Country, CountryRisk.Of);
    }
}

/// <summary>A country's jurisdiction record and its computed risk under the default policy.</summary>
public sealed record CountryRisk(Jurisdiction Jurisdiction, JurisdictionRiskResult Risk)
{
    public static CountryRisk Of(Jurisdiction jurisdiction) => new(jurisdiction, jurisdiction.Risk(ScoringPolicy.Default));

    public static CountryRisk Unknown(CountryCode country) => Of(new Jurisdiction(country));

    /// <summary>The worst (highest J) of several countries; ties go to the first listed (the HQ).</summary>
    public static CountryRisk? Worst(IEnumerable<CountryRisk> risks) =>
        risks.Aggregate((CountryRisk?)null, (worst, next) => worst is null || next.Risk.Value > worst.Risk.Value ? next : worst);
}
