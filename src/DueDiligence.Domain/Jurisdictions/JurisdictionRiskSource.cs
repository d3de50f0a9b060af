namespace DueDiligence.Domain.Jurisdictions;

/// <summary>Where a jurisdiction risk value came from.</summary>
public enum JurisdictionRiskSource
{
    Baseline,
    LegalRating,
    Unknown,
}
