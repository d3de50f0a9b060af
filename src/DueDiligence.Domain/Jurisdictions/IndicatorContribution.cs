namespace DueDiligence.Domain.Jurisdictions;

/// <summary>How one indicator feeds the baseline: its raw value, the 0–100 risk it maps to and its share of the average.</summary>
/// <param name="RawValue">The value as published, for display (e.g. "Priority Watch List", "42", "-0.35").</param>
/// <param name="Weight">The policy weight.</param>
/// <param name="RenormalisedWeight">The weight divided by the sum of the weights of the indicators present.</param>
/// <param name="Contribution">Risk × renormalised weight; the contributions add up to the baseline.</param>
public sealed record IndicatorContribution(
    JurisdictionIndicator Indicator,
    string Name,
    string RawValue,
    double Risk,
    double Weight,
    double RenormalisedWeight,
    double Contribution);
