using System.Globalization;

namespace DueDiligence.Domain.Questionnaires;

/// <summary>
/// The words for the analyst's rating of a text answer (0 = none … 1 = full protection), for every screen and report
/// that shows one.
/// </summary>
public static class ManualRatingScale
{
    /// <summary>The rating steps with their words, lowest first.</summary>
    public static IReadOnlyList<(double Rating, string Name)> Steps { get; } =
    [
        (0, "none"),
        (0.25, "weak"),
        (0.5, "partial"),
        (0.75, "strong"),
        (1, "full"),
    ];

    /// <summary>"partial" for 0.5; null for a value that is not a step of the scale.</summary>
    public static string? NameOf(double rating)
    {
        foreach (var (step, name) in Steps)
        {
            if (step == rating)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>"0.5 — partial".</summary>
    public static string Describe(double rating)
    {
        var number = rating.ToString("0.##", CultureInfo.InvariantCulture);
        return NameOf(rating) is { } name ? $"{number} — {name}" : number;
    }
}
