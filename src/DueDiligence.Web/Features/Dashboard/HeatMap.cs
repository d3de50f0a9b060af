using DueDiligence.Web.Infrastructure.Risk;

namespace DueDiligence.Web.Features.Dashboard;

/// <summary>Suppliers counted by the level of their worst jurisdiction and the band of their control score C.</summary>
public sealed class HeatMap
{
    /// <summary>Rows top to bottom: the worst jurisdictions first; Unknown last, apart, because it means missing data.</summary>
    public static readonly IReadOnlyList<WorstJurisdictionLevel> Rows =
    [
        WorstJurisdictionLevel.Severe, WorstJurisdictionLevel.High, WorstJurisdictionLevel.Moderate, WorstJurisdictionLevel.Low, WorstJurisdictionLevel.Unknown,
    ];

    /// <summary>Columns left to right: the bands of C from weakest to strongest controls, then "no score yet" (null).</summary>
    public static readonly IReadOnlyList<ControlScoreBand?> Columns = [.. ControlScoreBand.All, null];

    private readonly Dictionary<(WorstJurisdictionLevel, ControlScoreBand?), int> _counts;

    /// <param name="cells">How many suppliers each cell holds; a cell given twice adds up.</param>
    public HeatMap(IEnumerable<(WorstJurisdictionLevel Jurisdiction, ControlScoreBand? Band, int Count)> cells)
    {
        _counts = cells.GroupBy(c => (c.Jurisdiction, c.Band)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
    }

    public int Count(WorstJurisdictionLevel jurisdiction, ControlScoreBand? band) => _counts.GetValueOrDefault((jurisdiction, band));

    public int RowTotal(WorstJurisdictionLevel jurisdiction) => Columns.Sum(band => Count(jurisdiction, band));

    public int ColumnTotal(ControlScoreBand? band) => Rows.Sum(jurisdiction => Count(jurisdiction, band));

    /// <summary>
    /// How alarming the cell is, 0–7: a worse jurisdiction and weaker controls both raise residual risk (SCORING.md §6).
    /// Null where the cell says nothing about risk: unknown jurisdiction or no score yet.
    /// </summary>
    public static int? Severity(WorstJurisdictionLevel jurisdiction, ControlScoreBand? band)
    {
        if (band is null || jurisdiction == WorstJurisdictionLevel.Unknown)
        {
            return null;
        }

        var jurisdictionStep = jurisdiction switch
        {
            WorstJurisdictionLevel.Low => 0,
            WorstJurisdictionLevel.Moderate => 1,
            WorstJurisdictionLevel.High => 2,
            _ => 3,
        };
        var strongerBands = ControlScoreBand.All.Count(b => b.Lower > band.Lower);
        return jurisdictionStep + strongerBands;
    }
}
