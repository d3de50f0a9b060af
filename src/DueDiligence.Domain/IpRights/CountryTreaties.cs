using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.IpRights;

/// <summary>A country's IP treaty memberships and trademark rule, each with its source; legal corrects them with a reason.</summary>
public sealed class CountryTreaties
{
    private readonly List<TreatyValue> _values = [];

    private CountryTreaties()
    {
    }

    public CountryTreaties(CountryCode country, string? sourceIds, string? notes)
    {
        Country = country;
        SourceIds = Text.Optional(sourceIds, 1000);
        Notes = Text.Optional(notes, 2000);
    }

    public CountryCode Country { get; private set; }

    /// <summary>The source ids of the reference data (docs/jurisdiction-data.md) that back the row.</summary>
    public string? SourceIds { get; private set; }

    /// <summary>Exact dates, derivations and caveats from the reference data.</summary>
    public string? Notes { get; private set; }

    /// <summary>Changes on every save; a save that started from an older version is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<TreatyValue> Values => _values;

    public TreatyValue? Value(TreatyFact fact) => _values.FirstOrDefault(v => v.Fact == fact);

    /// <summary>What the data says about a fact; a fact without a value is unknown.</summary>
    public TreatyReading Reading(TreatyFact fact) => Value(fact)?.Reading ?? TreatyReading.Unknown;

    /// <summary>A person corrects a fact: the reason is required and kept with the value (and so in the audit trail).</summary>
    public void Correct(TreatyFact fact, string? value, string source, int? sourceYear, string reason, string correctedBy, DateTime nowUtc) =>
        Set(fact, value, source, sourceYear, Text.Required(reason, "Say why the value is corrected: the audit trail keeps it.", 1000), correctedBy, nowUtc);

    /// <summary>Sets a fact as the reference data states it.</summary>
    public void Set(TreatyFact fact, string? value, string source, int? sourceYear, string? reason, string updatedBy, DateTime nowUtc)
    {
        var existing = Value(fact);
        if (existing is null)
        {
            _values.Add(new TreatyValue(fact, value, source, sourceYear, reason, updatedBy, nowUtc));
        }
        else
        {
            existing.Set(value, source, sourceYear, reason, updatedBy, nowUtc);
        }

        Version = Guid.NewGuid();
    }
}
