using System.Globalization;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Web.Features.Jurisdictions;

/// <summary>How jurisdiction values read on screen.</summary>
internal static class JurisdictionLabels
{
    /// <summary>Shown for every indicator of a country outside the reference data: nothing was published for it here, which is not a zero.</summary>
    public const string NoData = "no data";

    /// <summary>Shown where the publisher left a country out (e.g. the EU report for EU members).</summary>
    public const string NotAvailable = "not available";

    public static string IndicatorName(JurisdictionIndicator indicator) => indicator switch
    {
        JurisdictionIndicator.Ustr301 => "USTR Special 301 status",
        JurisdictionIndicator.EuPriority => "EU third-country IP priority",
        JurisdictionIndicator.Cpi => "Transparency International CPI",
        JurisdictionIndicator.WgiRuleOfLaw => "World Bank WGI Rule of Law estimate",
        _ => "Indicator",
    };

    /// <summary>An indicator value as published, "not available" when the publisher left the country out, "no data" when the country has no reference data.</summary>
    public static string ValueText(JurisdictionRow row, JurisdictionIndicator indicator) =>
        row.Country.Jurisdiction.Indicator(indicator) is { } stored ? stored.Value ?? NotAvailable : NoData;

    public static string SourceText(JurisdictionRiskSource source) => source switch
    {
        JurisdictionRiskSource.LegalRating => "Legal rating",
        JurisdictionRiskSource.Baseline => "Indicators",
        _ => "Unknown (J = 50)",
    };

    public static string LevelText(JurisdictionRiskResult risk) => risk.IsUnknown ? "Unknown" : risk.Level.ToString();

    /// <summary>What a legal rating means for J, as the rating form and the baseline note say it.</summary>
    public static string RatingValues { get; } = string.Join(", ", Enum.GetValues<LegalRating>()
        .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r} {ScoringPolicy.Default.LegalRatingValue(r):0.#}")));
}
