using System.Globalization;
using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.IpRights;

/// <summary>
/// One fact of a country's treaty data with where it comes from. Value: a membership year, "no" (a source shows the
/// country is not a party) or null — not sourced, read as "unknown", never as "no". For the trademark rule: "yes", "no" or null.
/// </summary>
public sealed class TreatyValue
{
    private TreatyValue()
    {
    }

    internal TreatyValue(TreatyFact fact, string? value, string source, int? sourceYear, string? reason, string updatedBy, DateTime updatedAtUtc)
    {
        Id = Guid.NewGuid();
        Fact = fact;
        Set(value, source, sourceYear, reason, updatedBy, updatedAtUtc);
    }

    public Guid Id { get; private set; }

    public TreatyFact Fact { get; private set; }

    public string? Value { get; private set; }

    /// <summary>The publisher and edition of the value.</summary>
    public string Source { get; private set; } = "";

    /// <summary>The year of the source's edition or data date; null when the source is undated.</summary>
    public int? SourceYear { get; private set; }

    /// <summary>Why legal corrected the value; null for the shipped reference data.</summary>
    public string? Reason { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The value read: a member since a year, not a party, or unknown.</summary>
    public TreatyReading Reading => TreatyReading.Parse(Fact, Value);

    internal void Set(string? value, string source, int? sourceYear, string? reason, string updatedBy, DateTime updatedAtUtc)
    {
        Value = TreatyReading.Parse(Fact, value).ToValue();
        if (sourceYear is < 1800 or > 2100)
        {
            throw new DomainException($"{sourceYear} is not a plausible year for the source.");
        }

        Source = Text.Required(source, "Name the source of the value (publisher and edition).", 300);
        SourceYear = sourceYear;
        Reason = Text.Optional(reason, 1000);
        UpdatedBy = updatedBy;
        UpdatedAtUtc = updatedAtUtc;
    }

    /// <summary>The citation, and who corrected the value, when and why, if it was corrected.</summary>
    public string Provenance => Reason is null
        ? Citation
        : $"{Citation} · corrected by {UpdatedBy} on {UpdatedAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {Reason}";

    /// <summary>"(WIPO Madrid status, 2026)": the source and its year, for a sentence.</summary>
    public string Citation => SourceYear is { } year ? $"{Source}, {year.ToString(CultureInfo.InvariantCulture)}" : Source;
}
