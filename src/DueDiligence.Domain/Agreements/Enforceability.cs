using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Agreements;

/// <summary>A country where a decision under the agreement may have to be enforced: where the supplier or its assets are.</summary>
/// <param name="Role">"HQ", "site in Hsinchu", "contracting entity".</param>
public sealed record EnforcementPlace(CountryCode Country, IReadOnlyList<string> Roles, NewYorkConventionStatus Convention);

/// <summary>The "enforceable where?" answer for one agreement: the places, what stops enforcement (flags) and what to check (cautions).</summary>
public sealed record Enforceability(IReadOnlyList<EnforcementPlace> Places, IReadOnlyList<string> Flags, IReadOnlyList<string> Cautions);

/// <summary>
/// Where a decision under an agreement must be enforced and whether it can be. An arbitral award is enforced where the
/// supplier and its assets are (HQ, sites, the contracting entity): a country there that is not a New York Convention
/// party is flagged; one whose standing the reference data does not give is a caution, never a flag. A court judgment
/// is enforced abroad only as the other country's own law allows: a caution, with no figure invented.
/// </summary>
public static class EnforceabilityCheck
{
    public static Enforceability Of(Agreement agreement, SupplierSeat supplier, Func<CountryCode, NewYorkConventionStatus> convention)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(supplier);
        ArgumentNullException.ThrowIfNull(convention);
        var places = supplier.Places(agreement)
            .Select(p => new EnforcementPlace(p.Country, p.Roles, convention(p.Country)))
            .ToList();
        var flags = new List<string>();
        var cautions = new List<string>();
        if (agreement.Forum is not { } forum || agreement.ForumCountry is not { } seat)
        {
            cautions.Add("No forum is recorded: say where disputes are decided (courts or arbitration, and the country).");
            return new Enforceability(places, flags, cautions);
        }

        foreach (var place in places)
        {
            var where = $"{place.Country.Name} ({string.Join(", ", place.Roles)})";
            if (forum == ForumKind.Arbitration)
            {
                switch (place.Convention.Standing)
                {
                    case ConventionStanding.NotParty:
                        flags.Add($"An award of arbitration seated in {seat.Name} must be enforced in {where}, which is not a party to the New York Convention: enforcement there is not assured.");
                        break;
                    case ConventionStanding.Unknown:
                        cautions.Add($"Whether {where} is a party to the New York Convention is unknown in the reference data: check before relying on an award there.");
                        break;
                }
            }
            else if (place.Country != seat)
            {
                cautions.Add($"A judgment of the courts of {seat.Name} must be enforced in {where}; whether it can be depends on {place.Country.Name}'s own law.");
            }
        }

        return new Enforceability(places, flags, cautions);
    }
}
