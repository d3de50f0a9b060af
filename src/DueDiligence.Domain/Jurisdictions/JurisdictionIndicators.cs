namespace DueDiligence.Domain.Jurisdictions;

/// <summary>The reference indicators known for a country; null means "not available" and is never guessed.</summary>
public sealed record JurisdictionIndicators
{
    public Ustr301Status? Ustr301Status { get; init; }

    /// <summary>EU third-country IP priority: 0 = not listed, 1 (highest) to 3.</summary>
    public int? EuPriority { get; init; }

    /// <summary>Transparency International Corruption Perceptions Index, 0 (corrupt) to 100 (clean).</summary>
    public double? Cpi { get; init; }

    /// <summary>World Bank WGI Rule of Law estimate, about −2.5 (weak) to 2.5 (strong).</summary>
    public double? WgiRuleOfLaw { get; init; }
}
