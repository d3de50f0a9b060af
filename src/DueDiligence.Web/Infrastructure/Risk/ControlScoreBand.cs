using System.Globalization;

namespace DueDiligence.Web.Infrastructure.Risk;

/// <summary>A band of the control score C on the heat map: it holds its lower bound, the last band also 100.</summary>
public sealed record ControlScoreBand(int Lower, int Upper)
{
    private const int Width = 20;

    /// <summary>0–20, 20–40, 40–60, 60–80, 80–100.</summary>
    public static readonly IReadOnlyList<ControlScoreBand> All =
        Enumerable.Range(0, 100 / Width).Select(i => new ControlScoreBand(i * Width, (i + 1) * Width)).ToList();

    /// <summary>How the supplier list's "cband" filter names the band.</summary>
    public string Code => string.Create(CultureInfo.InvariantCulture, $"{Lower}-{Upper}");

    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Lower}–{Upper}");

    /// <summary>The band of a score (the last band whose lower bound it reaches, on the unrounded value); null for no score.</summary>
    public static ControlScoreBand? Of(double? controlScore) =>
        controlScore is { } c ? All.LastOrDefault(b => c >= b.Lower) ?? All[0] : null;
}
