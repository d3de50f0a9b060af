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

    public JurisdictionRating? Rating => Country.Jurisdiction.CurrentRating;

    public string? Value(JurisdictionIndicator indicator) => Country.Jurisdiction.Indicator(indicator)?.Value;
}

/// <summary>Reads the jurisdiction library; every signed-in role may read it.</summary>
public sealed class JurisdictionQueries(JurisdictionRiskLookup lookup, CurrentUser currentUser, TimeProvider time)
{
    public async Task<IReadOnlyList<JurisdictionRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.All.ToArray());
        var today = time.Today();
        return (await lookup.AllAsync(cancellationToken)).Values
            .Select(c => new JurisdictionRow(c, c.Jurisdiction.IsReviewOverdue(today)))
            .OrderBy(r => r.Name)
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
