namespace DueDiligence.Domain.Jurisdictions;

/// <summary>The band a jurisdiction risk value falls in.</summary>
public enum JurisdictionLevel
{
    Low,
    Moderate,
    High,
    Severe,
}
