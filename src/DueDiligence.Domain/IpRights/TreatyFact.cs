namespace DueDiligence.Domain.IpRights;

/// <summary>The facts of the IP treaty reference data (ip-treaties.csv): treaty memberships and the trademark rule.</summary>
public enum TreatyFact
{
    Paris,
    Pct,
    MadridProtocol,
    HagueGenevaAct,
    NewYorkConvention,
    Wto,
    TrademarkFirstToFile,
}

/// <summary>The treaty facts in words.</summary>
public static class TreatyFacts
{
    public static readonly IReadOnlyList<TreatyFact> All = Enum.GetValues<TreatyFact>();

    public static string Label(TreatyFact fact) => fact switch
    {
        TreatyFact.Paris => "Paris Convention",
        TreatyFact.Pct => "Patent Cooperation Treaty (PCT)",
        TreatyFact.MadridProtocol => "Madrid Protocol",
        TreatyFact.HagueGenevaAct => "Hague Agreement (Geneva Act)",
        TreatyFact.NewYorkConvention => "New York Convention",
        TreatyFact.Wto => "WTO (TRIPS)",
        TreatyFact.TrademarkFirstToFile => "Trademarks first-to-file",
        _ => fact.ToString(),
    };

    /// <summary>The short name used in sentences: "Madrid", "PCT", "Hague".</summary>
    public static string Short(TreatyFact fact) => fact switch
    {
        TreatyFact.Pct => "PCT",
        TreatyFact.MadridProtocol => "Madrid",
        TreatyFact.HagueGenevaAct => "Hague",
        TreatyFact.NewYorkConvention => "New York Convention",
        TreatyFact.Wto => "WTO",
        _ => Label(fact),
    };
}
