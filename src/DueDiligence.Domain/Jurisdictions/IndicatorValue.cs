using System.Globalization;
using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Jurisdictions;

/// <summary>One published indicator value for a country, with where it comes from. A null value means "not available".</summary>
public sealed class IndicatorValue
{
    private IndicatorValue()
    {
    }

    internal IndicatorValue(JurisdictionIndicator indicator, string? value, int? editionYear, string source, string licence, string updatedBy, DateTime updatedAtUtc)
    {
        Id = Guid.NewGuid();
        Indicator = indicator;
        Set(value, editionYear, source, licence, updatedBy, updatedAtUtc);
    }

    public Guid Id { get; private set; }

    public JurisdictionIndicator Indicator { get; private set; }

    /// <summary>The value as published, normalised (e.g. "Priority Watch List", "Priority 2", "43", "-0.04"); null = not available.</summary>
    public string? Value { get; private set; }

    public int? EditionYear { get; private set; }

    public string Source { get; private set; } = "";

    public string Licence { get; private set; } = "";

    public string UpdatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    internal void Set(string? value, int? editionYear, string source, string licence, string updatedBy, DateTime updatedAtUtc)
    {
        Value = IndicatorText.Normalise(Indicator, value);
        if (editionYear is < 1990 or > 2100)
        {
            throw new DomainException($"{editionYear} is not a plausible edition year.");
        }

        EditionYear = editionYear;
        Source = Text.Required(source, "Name the source of the value (publisher and edition).", 300);
        Licence = Text.Required(licence, "Name the licence of the value, e.g. CC BY 4.0 or public domain.", 200);
        UpdatedBy = updatedBy;
        UpdatedAtUtc = updatedAtUtc;
    }
}

/// <summary>Reading and writing indicator values as text, the way the publishers state them.</summary>
public static class IndicatorText
{
    public static readonly IReadOnlyDictionary<Ustr301Status, string> Ustr301Names = new Dictionary<Ustr301Status, string>
    {
        [Ustr301Status.NotListed] = "Not listed",
        [Ustr301Status.WatchList] = "Watch List",
        [Ustr301Status.PriorityWatchList] = "Priority Watch List",
        [Ustr301Status.PriorityForeignCountry] = "Priority Foreign Country",
    };

    /// <summary>Checks a value for its indicator and returns it in its normal form; blank stays null.</summary>
    public static string? Normalise(JurisdictionIndicator indicator, string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return indicator switch
        {
            JurisdictionIndicator.Ustr301 => Ustr301Names[ParseUstr301(text)],
            JurisdictionIndicator.EuPriority => ParseEuPriority(text) is 0 ? "Not listed" : $"Priority {ParseEuPriority(text)}",
            JurisdictionIndicator.Cpi => ParseNumber(text, 0, 100, "A CPI score is a number from 0 to 100.").ToString(CultureInfo.InvariantCulture),
            JurisdictionIndicator.WgiRuleOfLaw => ParseNumber(text, -3, 3, "A WGI Rule of Law estimate is a number from about -2.5 to 2.5.").ToString(CultureInfo.InvariantCulture),
            _ => throw new DomainException($"Unknown indicator {indicator}."),
        };
    }

    public static Ustr301Status ParseUstr301(string text)
    {
        var key = text.Trim().ToUpperInvariant();
        if (key is "NONE" or "NOT LISTED")
        {
            return Ustr301Status.NotListed;
        }

        foreach (var (status, name) in Ustr301Names)
        {
            if (name.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return status;
            }
        }

        throw new DomainException($"“{text}” is not a USTR Special 301 status: use Priority Foreign Country, Priority Watch List, Watch List or Not listed.");
    }

    /// <summary>0 = not listed, 1–3 = priority.</summary>
    public static int ParseEuPriority(string text)
    {
        var key = text.Trim().ToUpperInvariant();
        if (key is "NONE" or "NOT LISTED" or "0")
        {
            return 0;
        }

        var digits = key.StartsWith("PRIORITY", StringComparison.Ordinal) ? key["PRIORITY".Length..].Trim() : key;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var priority) && priority is >= 1 and <= 3
            ? priority
            : throw new DomainException($"“{text}” is not an EU priority: use Priority 1, Priority 2, Priority 3 or Not listed.");
    }

    private static double ParseNumber(string text, double min, double max, string message) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new DomainException($"“{text}”: {message}");
}
