namespace DueDiligence.Domain.Jurisdictions;

/// <summary>The legal reviewer's own rating of a country, which replaces the indicator baseline.</summary>
public enum LegalRating
{
    Low,
    Moderate,
    High,
    Severe,
}
