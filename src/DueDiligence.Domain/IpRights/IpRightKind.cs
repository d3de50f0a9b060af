namespace DueDiligence.Domain.IpRights;

/// <summary>The kinds of IP right in our register; a trademark is recorded per variant (word, logo, local-script version).</summary>
public enum IpRightKind
{
    Patent,
    UtilityModel,
    IndustrialDesign,
    TrademarkWord,
    TrademarkLogo,
    TrademarkLocalScript,
    Copyright,
    TradeSecret,
}

/// <summary>What each kind of right is in words, whether an office registers it, and which treaty extends it abroad.</summary>
public static class IpRightKinds
{
    public static string Label(IpRightKind kind) => kind switch
    {
        IpRightKind.Patent => "Patent",
        IpRightKind.UtilityModel => "Utility model",
        IpRightKind.IndustrialDesign => "Industrial design",
        IpRightKind.TrademarkWord => "Trademark (word)",
        IpRightKind.TrademarkLogo => "Trademark (logo)",
        IpRightKind.TrademarkLocalScript => "Trademark (local-script version)",
        IpRightKind.Copyright => "Copyright",
        IpRightKind.TradeSecret => "Trade secret",
        _ => kind.ToString(),
    };

    /// <summary>The right in a sentence: "patent", "trademark", "design".</summary>
    public static string Noun(IpRightKind kind) => kind switch
    {
        IpRightKind.Patent => "patent",
        IpRightKind.UtilityModel => "utility model",
        IpRightKind.IndustrialDesign => "design",
        IpRightKind.TrademarkWord or IpRightKind.TrademarkLogo or IpRightKind.TrademarkLocalScript => "trademark",
        IpRightKind.Copyright => "copyright",
        _ => "trade secret",
    };

    /// <summary>
    /// Copyright arises without registration and a trade secret is never registered: their protection depends on the
    /// agreements and the measures we take, so the rights matrix never reports them as "not registered".
    /// </summary>
    public static bool IsRegistered(IpRightKind kind) => kind is not (IpRightKind.Copyright or IpRightKind.TradeSecret);

    public static bool IsTrademark(IpRightKind kind) =>
        kind is IpRightKind.TrademarkWord or IpRightKind.TrademarkLogo or IpRightKind.TrademarkLocalScript;

    /// <summary>The international filing system that reaches another country most cheaply: Madrid, PCT or Hague; null for unregistered rights.</summary>
    public static TreatyFact? Route(IpRightKind kind) => kind switch
    {
        IpRightKind.Patent or IpRightKind.UtilityModel => TreatyFact.Pct,
        IpRightKind.IndustrialDesign => TreatyFact.HagueGenevaAct,
        _ when IsTrademark(kind) => TreatyFact.MadridProtocol,
        _ => null,
    };
}
