namespace DueDiligence.Domain.Jurisdictions;

/// <summary>A country's jurisdiction risk J (0–100) with where it came from and how the baseline was built.</summary>
public sealed record JurisdictionRiskResult
{
    public required string CountryCode { get; init; }

    /// <summary>The J used in scoring: the legal rating's value, else the baseline, else the policy's unknown default.</summary>
    public required double Value { get; init; }

    public required JurisdictionRiskSource Source { get; init; }

    public required JurisdictionLevel Level { get; init; }

    /// <summary>The indicator average, shown even when a legal rating replaces it; null with no indicator.</summary>
    public double? Baseline { get; init; }

    public LegalRating? LegalRating { get; init; }

    public IReadOnlyList<IndicatorContribution> Contributions { get; init; } = [];

    /// <summary>True when neither an indicator nor a rating is available and <see cref="Value"/> is the policy default.</summary>
    public bool IsUnknown => Source == JurisdictionRiskSource.Unknown;
}
