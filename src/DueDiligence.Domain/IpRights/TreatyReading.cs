using System.Globalization;
using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.IpRights;

/// <summary>What a treaty value says: yes (since a year, for memberships), no, or unknown when nothing was sourced.</summary>
public readonly record struct TreatyReading(bool? Yes, int? Since)
{
    public static readonly TreatyReading Unknown = new(null, null);

    public bool IsUnknown => Yes is null;

    /// <summary>Reads a cell of ip-treaties.csv or a corrected value; blank is unknown.</summary>
    public static TreatyReading Parse(TreatyFact fact, string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Equals("unknown", StringComparison.OrdinalIgnoreCase))
        {
            return Unknown;
        }

        if (text.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return new(false, null);
        }

        if (fact == TreatyFact.TrademarkFirstToFile)
        {
            return text.Equals("yes", StringComparison.OrdinalIgnoreCase)
                ? new(true, null)
                : throw new DomainException($"“{text}” is not a trademark rule: use yes (first-to-file), no (first-to-use) or leave it blank (unknown).");
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1800 and <= 2100
            ? new(true, year)
            : throw new DomainException($"“{text}” is not a membership for {TreatyFacts.Label(fact)}: give the year it entered into force, no, or leave it blank (unknown).");
    }

    /// <summary>The value as stored: the year, "yes", "no" or null.</summary>
    public string? ToValue() => Yes switch
    {
        null => null,
        false => "no",
        true => Since is { } year ? year.ToString(CultureInfo.InvariantCulture) : "yes",
    };

    /// <summary>"since 2006", "no", "yes", "unknown": how the value reads on screen.</summary>
    public string Describe() => Yes switch
    {
        null => "unknown",
        false => "no",
        true => Since is { } year ? $"since {year.ToString(CultureInfo.InvariantCulture)}" : "yes",
    };
}
