using System.Globalization;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Web.Components.Shared.Questionnaire;

/// <summary>
/// The analyst's rating of a text answer in words, on the scale of the scoring model: how much protection the answer
/// shows, from 0 (none) to 1 (full). The review view and the risk summary say it the same way.
/// </summary>
public static class TextRatingScale
{
    private static readonly string[] Labels = ["none", "limited", "partial", "substantial", "full"];

    /// <summary>"0 none · 0.25 limited · 0.5 partial · 0.75 substantial · 1 full".</summary>
    public static string Legend { get; } = string.Join(" · ", Answer.ManualRatingSteps.Select((step, i) => $"{Number(step)} {Labels[i]}"));

    /// <summary>"partial" for 0.5; the number alone for a value off the scale.</summary>
    public static string Label(double rating)
    {
        var steps = Answer.ManualRatingSteps;
        for (var i = 0; i < steps.Count; i++)
        {
            if (Math.Abs(steps[i] - rating) < 1e-9)
            {
                return Labels[i];
            }
        }

        return Number(rating);
    }

    /// <summary>"0.75 (substantial)".</summary>
    public static string Describe(double rating)
    {
        var label = Label(rating);
        return label == Number(rating) ? label : $"{Number(rating)} ({label})";
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
