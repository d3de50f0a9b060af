using DueDiligence.Domain.IpRights;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>
/// Where each column of the shipped IP treaty data (Seed/ip-treaties.csv) comes from, as cited beside every value and in every
/// gap sentence: the main source and the year of its edition (docs/jurisdiction-data.md lists every source id of a row).
/// </summary>
public static class TreatySources
{
    public sealed record Dataset(TreatyFact Fact, string Column, string Source, int? Year);

    public static readonly IReadOnlyList<Dataset> All =
    [
        new(TreatyFact.Paris, "paris_in_force_year", "WIPO treaty pages and historical sources", null),
        new(TreatyFact.Pct, "pct_in_force_year", "WIPO PCT list and a c. 2020 transcription of it", 2020),
        new(TreatyFact.MadridProtocol, "madrid_protocol_in_force_year", "WIPO Madrid status list", 2026),
        new(TreatyFact.HagueGenevaAct, "hague_geneva_act_in_force_year", "WIPO Hague status list", 2026),
        new(TreatyFact.NewYorkConvention, "new_york_convention_in_force_year", "UNCITRAL status table, ICC Guide and national treaty records", 2018),
        new(TreatyFact.Wto, "wto_member_year", "copies of the WTO members-by-date list", null),
        new(TreatyFact.TrademarkFirstToFile, "trademark_first_to_file", "Corsearch and Stellar IP Law practitioner lists", 2024),
    ];

    public static Dataset For(TreatyFact fact) => All.Single(d => d.Fact == fact);
}
