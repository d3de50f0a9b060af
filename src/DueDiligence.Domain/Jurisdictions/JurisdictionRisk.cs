using System.Globalization;

using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Jurisdictions;

/// <summary>Computes a country's jurisdiction risk J (SCORING.md §5).</summary>
public static class JurisdictionRisk
{
    public static JurisdictionRiskResult Compute(
        string countryCode,
        JurisdictionIndicators? indicators,
        LegalRating? legalRating,
        ScoringPolicy policy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(countryCode);
        ArgumentNullException.ThrowIfNull(policy);

        var contributions = indicators is null ? [] : Contributions(indicators, policy);
        double? baseline = contributions.Count == 0 ? null : contributions.Sum(static c => c.Contribution);

        var (value, source) = legalRating is { } rating
            ? (policy.LegalRatingValue(rating), JurisdictionRiskSource.LegalRating)
            : baseline is { } b
                ? (b, JurisdictionRiskSource.Baseline)
                : (policy.UnknownJurisdictionRisk, JurisdictionRiskSource.Unknown);

        return new JurisdictionRiskResult
        {
            CountryCode = countryCode,
            Value = value,
            Source = source,
            Level = policy.JurisdictionLevelFor(value),
            Baseline = baseline,
            LegalRating = legalRating,
            Contributions = contributions,
        };
    }

    private static List<IndicatorContribution> Contributions(JurisdictionIndicators indicators, ScoringPolicy policy)
    {
        var present = new List<(JurisdictionIndicator Indicator, string Name, string Raw, double Risk, double Weight)>(4);
        if (indicators.Ustr301Status is { } status)
        {
            present.Add((JurisdictionIndicator.Ustr301, "USTR Special 301 status", Ustr301Text(status), Ustr301Risk(status, policy), policy.Ustr301Weight));
        }

        if (indicators.EuPriority is { } priority)
        {
            present.Add((JurisdictionIndicator.EuPriority, "EU third-country IP priority", EuPriorityText(priority), EuPriorityRisk(priority, policy), policy.EuPriorityWeight));
        }

        if (indicators.Cpi is { } cpi)
        {
            if (!double.IsFinite(cpi) || cpi < 0 || cpi > 100)
            {
                throw new ArgumentOutOfRangeException(nameof(indicators), cpi, "The CPI score must be between 0 and 100.");
            }

            present.Add((JurisdictionIndicator.Cpi, "Transparency International CPI", Format(cpi), 100 - cpi, policy.CpiWeight));
        }

        if (indicators.WgiRuleOfLaw is { } wgi)
        {
            if (!double.IsFinite(wgi))
            {
                throw new ArgumentOutOfRangeException(nameof(indicators), wgi, "The WGI Rule of Law estimate must be a finite number.");
            }

            // The WGI scale is only "approximately" ±2.5: clamp so that J stays within 0–100.
            var bound = policy.WgiRuleOfLawBound;
            var risk = Math.Clamp((bound - wgi) / (2 * bound) * 100, 0, 100);
            present.Add((JurisdictionIndicator.WgiRuleOfLaw, "World Bank WGI Rule of Law", Format(wgi), risk, policy.WgiRuleOfLawWeight));
        }

        var totalWeight = 0.0;
        foreach (var item in present)
        {
            totalWeight += item.Weight;
        }

        return present.ConvertAll(item => new IndicatorContribution(
            item.Indicator,
            item.Name,
            item.Raw,
            item.Risk,
            item.Weight,
            item.Weight / totalWeight,
            item.Risk * item.Weight / totalWeight));
    }

    private static double Ustr301Risk(Ustr301Status status, ScoringPolicy policy)
    {
        return status switch
        {
            Ustr301Status.NotListed => policy.Ustr301NotListedRisk,
            Ustr301Status.WatchList => policy.Ustr301WatchListRisk,
            Ustr301Status.PriorityWatchList => policy.Ustr301PriorityWatchListRisk,
            Ustr301Status.PriorityForeignCountry => policy.Ustr301PriorityForeignCountryRisk,
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown USTR Special 301 status."),
        };
    }

    private static string Ustr301Text(Ustr301Status status)
    {
        return status switch
        {
            Ustr301Status.NotListed => "Not listed",
            Ustr301Status.WatchList => "Watch List",
            Ustr301Status.PriorityWatchList => "Priority Watch List",
            _ => "Priority Foreign Country",
        };
    }

    private static double EuPriorityRisk(int priority, ScoringPolicy policy)
    {
        return priority switch
        {
            0 => policy.EuNotListedRisk,
            1 => policy.EuPriority1Risk,
            2 => policy.EuPriority2Risk,
            3 => policy.EuPriority3Risk,
            _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "The EU priority is 0 (not listed) or 1 to 3."),
        };
    }

    private static string EuPriorityText(int priority)
    {
        return priority == 0 ? "Not listed" : $"Priority {priority}";
    }

    private static string Format(double value)
    {
        return value.ToString(CultureInfo.InvariantCulture);
    }
}
