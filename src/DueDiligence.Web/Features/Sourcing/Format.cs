using System.Globalization;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>How figures and names read in partner selection: one decimal as everywhere in the app, names in reading order.</summary>
internal static class Format
{
    /// <summary>Names in the order a reader expects (accented letters with their base letter), the same on every server.</summary>
    public static readonly StringComparer ReadingOrder = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);

    public static string Figure(double? value) =>
        value is { } v ? Display.Round1(v).ToString("0.0", CultureInfo.InvariantCulture) : "n/a";

    public static string Country(string code) => Countries.NameOf(code);

    /// <summary>Ends the text with a full stop, unless it ends with one already, as legal names often do ("S.A. de C.V.").</summary>
    public static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";
}
