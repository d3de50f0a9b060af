using System.Globalization;

namespace DueDiligence.Domain.Questionnaires;

/// <summary>
/// The words for the analyst's rating of a text answer (0 = none … 1 = full protection), for every screen and report
/// that shows one. The scoring model fixes the steps and their ends; the words between them are the product's.
/// </summary>
public static class ManualRatingScale
{
    /// <summary>The rating steps with their words, lowest first.</summary>
    public static IReadOnlyList<(double Rating, string Name)> Steps { get; } =
    [
        (0, "none"),
        (0.25, "limited"),
        (0.5, "partial"),
        (0.75, "substantial"),
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

    /// <summary>"0 none · 0.25 limited · 0.5 partial · 0.75 substantial · 1 full".</summary>
    public static string Legend { get; } = string.Join(" · ", Steps.Select(s => $"{Number(s.Rating)} {s.Name}"));

    /// <summary>"0.5 — partial"; the number alone for a value that is not a step.</summary>
    public static string Describe(double rating) =>
        NameOf(rating) is { } name ? $"{Number(rating)} — {name}" : Number(rating);

    /// <summary>"0.5 (partial)", for a sentence; the number alone for a value that is not a step.</summary>
    public static string InWords(double rating) =>
        NameOf(rating) is { } name ? $"{Number(rating)} ({name})" : Number(rating);

    private static string Number(double rating) => rating.ToString("0.##", CultureInfo.InvariantCulture);
}
