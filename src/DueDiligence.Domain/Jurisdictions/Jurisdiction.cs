using System.Globalization;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Jurisdictions;

/// <summary>A country where our IP may be exposed: its reference indicators and the legal reviewers' ratings over time.</summary>
public sealed class Jurisdiction
{
    private readonly List<IndicatorValue> _indicators = [];
    private readonly List<JurisdictionRating> _ratings = [];

    private Jurisdiction()
    {
    }

    public Jurisdiction(CountryCode country, string? referenceNotes = null)
    {
        Country = country;
        Name = country.Name;
        ReferenceNotes = Text.Optional(referenceNotes, 2000);
    }

    public CountryCode Country { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Context figures from the reference data set (previous scores, ranks), shown as they are.</summary>
    public string? ReferenceNotes { get; private set; }

    /// <summary>Changes on every save; a save that started from an older version is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<IndicatorValue> Indicators => _indicators;

    /// <summary>Every rating ever given, in no particular order; see <see cref="RatingHistory"/>.</summary>
    public IReadOnlyList<JurisdictionRating> Ratings => _ratings;

    public JurisdictionRating? CurrentRating => _ratings.MaxBy(r => r.RatedAtUtc);

    /// <summary>Every rating ever given, newest first.</summary>
    public IReadOnlyList<JurisdictionRating> RatingHistory() => _ratings.OrderByDescending(r => r.RatedAtUtc).ToList();

    public IndicatorValue? Indicator(JurisdictionIndicator indicator) => _indicators.FirstOrDefault(i => i.Indicator == indicator);

    /// <summary>Adds or corrects an indicator value with its source; blank records it as not available.</summary>
    public void SetIndicator(JurisdictionIndicator indicator, string? value, int? editionYear, string source, string licence, string updatedBy, DateTime nowUtc)
    {
        var existing = Indicator(indicator);
        if (existing is null)
        {
            _indicators.Add(new IndicatorValue(indicator, value, editionYear, source, licence, updatedBy, nowUtc));
        }
        else
        {
            existing.Set(value, editionYear, source, licence, updatedBy, nowUtc);
        }

        Version = Guid.NewGuid();
    }

    public JurisdictionRating Rate(LegalRating rating, string rationale, DateOnly nextReviewOn, string reviewerId, string reviewerName, DateTime nowUtc,
        string? enforcementNotes = null, string? firstToFileNotes = null, string? recommendedCounsel = null)
    {
        var record = new JurisdictionRating(rating, rationale, nextReviewOn, reviewerId, reviewerName, nowUtc, enforcementNotes, firstToFileNotes, recommendedCounsel);
        _ratings.Add(record);
        Version = Guid.NewGuid();
        return record;
    }

    /// <summary>The indicator values the scoring model reads; values not available stay null.</summary>
    public JurisdictionIndicators ToIndicators() => new()
    {
        Ustr301Status = Indicator(JurisdictionIndicator.Ustr301)?.Value is { } ustr ? IndicatorText.ParseUstr301(ustr) : null,
        EuPriority = Indicator(JurisdictionIndicator.EuPriority)?.Value is { } eu ? IndicatorText.ParseEuPriority(eu) : null,
        Cpi = Number(JurisdictionIndicator.Cpi),
        WgiRuleOfLaw = Number(JurisdictionIndicator.WgiRuleOfLaw),
    };

    public JurisdictionRiskResult Risk(ScoringPolicy policy) =>
        JurisdictionRisk.Compute(Country.Value, ToIndicators(), CurrentRating?.Rating, policy);

    public bool IsReviewOverdue(DateOnly today) => CurrentRating?.IsReviewOverdue(today) == true;

    private double? Number(JurisdictionIndicator indicator) =>
        Indicator(indicator)?.Value is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;
}
