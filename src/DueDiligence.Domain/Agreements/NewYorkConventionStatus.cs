namespace DueDiligence.Domain.Agreements;

/// <summary>Whether a country is a party to the New York Convention (foreign arbitral awards), per the reference data.</summary>
public enum ConventionStanding
{
    Party,
    NotParty,

    /// <summary>The reference data says nothing: shown as unknown, never as "not a party".</summary>
    Unknown,
}

/// <summary>A country's New York Convention standing, with the year it came into force there when it is a party.</summary>
public sealed record NewYorkConventionStatus(ConventionStanding Standing, int? InForceSince)
{
    public static readonly NewYorkConventionStatus Unknown = new(ConventionStanding.Unknown, null);

    public static readonly NewYorkConventionStatus NotParty = new(ConventionStanding.NotParty, null);

    public static NewYorkConventionStatus PartySince(int year) => new(ConventionStanding.Party, year);

    public string Describe() => Standing switch
    {
        ConventionStanding.Party => $"party since {InForceSince}",
        ConventionStanding.NotParty => "not a party",
        _ => "unknown",
    };
}
