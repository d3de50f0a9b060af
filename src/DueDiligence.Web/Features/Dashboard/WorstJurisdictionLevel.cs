namespace DueDiligence.Web.Features.Dashboard;

/// <summary>
/// The level of a supplier's worst jurisdiction over its HQ and site countries, in order of J: a country with neither
/// indicators nor a legal rating is scored as J = 50 (SCORING.md §5), so it ranks above Moderate and below a known High.
/// </summary>
public enum WorstJurisdictionLevel
{
    Low,
    Moderate,
    Unknown,
    High,
    Severe,
}
