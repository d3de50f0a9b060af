using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Jurisdictions;

/// <summary>A country's jurisdiction record and its computed risk under the default policy.</summary>
public sealed record CountryRisk(Jurisdiction Jurisdiction, JurisdictionRiskResult Risk)
{
    public static CountryRisk Of(Jurisdiction jurisdiction) => new(jurisdiction, jurisdiction.Risk(ScoringPolicy.Default));

    public static CountryRisk Unknown(CountryCode country) => Of(new Jurisdiction(country));

    /// <summary>The worst (highest J) of several countries; ties go to the first listed (the HQ).</summary>
    public static CountryRisk? Worst(IEnumerable<CountryRisk> risks) =>
        risks.Aggregate((CountryRisk?)null, (worst, next) => worst is null || next.Risk.Value > worst.Risk.Value ? next : worst);
}
