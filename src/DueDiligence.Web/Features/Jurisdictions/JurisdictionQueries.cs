using DueDiligence.Domain.Common;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Risk;

namespace DueDiligence.Web.Features.Jurisdictions;

/// <summary>One row of the jurisdiction library.</summary>
public sealed record JurisdictionRow(CountryRisk Country, bool ReviewOverdue)
{
    public string Code => Country.Jurisdiction.Country.Value;

    public string Name => Country.Jurisdiction.Name;

    /// <summary>The country's risk J (the list sorts by it).</summary>
    public double J => Country.Risk.Value;

    public JurisdictionRating? Rating => Country.Jurisdiction.CurrentRating;

    public string? Value(JurisdictionIndicator indicator) => Country.Jurisdiction.Indicator(indicator)?.Value;

    /// <summary>False for a country a legal reviewer added: it has no reference indicators at all ("no data").</summary>
    public bool HasReferenceData => Country.Jurisdiction.Indicators.Count > 0;
}

/// <summary>Reads the jurisdiction library; every signed-in role may read it.</summary>
public sealed class JurisdictionQueries(JurisdictionRiskLookup lookup, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>Every country in the library, by name in reading order (Åland with the A's, Türkiye before Tuvalu).</summary>
    public async Task<IReadOnlyList<JurisdictionRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.All.ToArray());
        var today = time.Today();
        return (await lookup.AllAsync(cancellationToken)).Values
            .Select(c => new JurisdictionRow(c, c.Jurisdiction.IsReviewOverdue(today)))
            .OrderBy(r => r.Name, Countries.NameOrder)
            .ToList();
    }

    /// <summary>A country's indicators, risk and rating history; a country not in the library comes back empty, not missing.</summary>
    public async Task<JurisdictionRow?> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.All.ToArray());
        if (!CountryCode.TryParse(code, out var country))
        {
            return null;
        }

        var risk = (await lookup.ForAsync([country], cancellationToken)).Single();
        return new JurisdictionRow(risk, risk.Jurisdiction.IsReviewOverdue(time.Today()));
    }
}
