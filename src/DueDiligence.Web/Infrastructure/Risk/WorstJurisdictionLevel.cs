namespace DueDiligence.Web.Infrastructure.Risk;

/// <summary>
/// The level of a supplier's worst jurisdiction over the countries where our IP is exposed
/// (<c>Supplier.ExposureCountries()</c>), in order of J: a country with neither indicators nor a legal rating is scored as
/// J = 50 (SCORING.md §5), so it ranks above Moderate and below a known High.
/// </summary>
public enum WorstJurisdictionLevel
{
    Low,
    Moderate,
    Unknown,
    High,
    Severe,
}

/// <summary>The worst jurisdiction level of a supplier's countries, as the dashboard and the supplier list's filter both count it.</summary>
public static class WorstJurisdiction
{
    /// <summary>The worst of the countries; a country not in the library, or without data, is Unknown.</summary>
    public static WorstJurisdictionLevel Of(IEnumerable<DueDiligence.Domain.Common.CountryCode> countries, IReadOnlyDictionary<DueDiligence.Domain.Common.CountryCode, CountryRisk> risks) =>
        countries.Max(country => risks.GetValueOrDefault(country) is { Risk.IsUnknown: false } known ? LevelOf(known.Risk.Level) : WorstJurisdictionLevel.Unknown);

    public static WorstJurisdictionLevel LevelOf(DueDiligence.Domain.Jurisdictions.JurisdictionLevel level) => level switch
    {
        DueDiligence.Domain.Jurisdictions.JurisdictionLevel.Low => WorstJurisdictionLevel.Low,
        DueDiligence.Domain.Jurisdictions.JurisdictionLevel.Moderate => WorstJurisdictionLevel.Moderate,
        DueDiligence.Domain.Jurisdictions.JurisdictionLevel.High => WorstJurisdictionLevel.High,
        _ => WorstJurisdictionLevel.Severe,
    };

    /// <summary>The level as a supplier's stored position holds it: Unknown is stored as no level.</summary>
    public static DueDiligence.Domain.Jurisdictions.JurisdictionLevel? StoredLevelOf(WorstJurisdictionLevel level) => level switch
    {
        WorstJurisdictionLevel.Low => DueDiligence.Domain.Jurisdictions.JurisdictionLevel.Low,
        WorstJurisdictionLevel.Moderate => DueDiligence.Domain.Jurisdictions.JurisdictionLevel.Moderate,
        WorstJurisdictionLevel.High => DueDiligence.Domain.Jurisdictions.JurisdictionLevel.High,
        WorstJurisdictionLevel.Severe => DueDiligence.Domain.Jurisdictions.JurisdictionLevel.Severe,
        _ => null,
    };
}
