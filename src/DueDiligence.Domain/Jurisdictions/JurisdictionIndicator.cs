namespace DueDiligence.Domain.Jurisdictions;

/// <summary>The reference indicators that make up a country's baseline risk.</summary>
public enum JurisdictionIndicator
{
    Ustr301,
    EuPriority,
    Cpi,
    WgiRuleOfLaw,
}
