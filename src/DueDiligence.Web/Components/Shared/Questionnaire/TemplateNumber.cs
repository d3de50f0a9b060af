using System.Globalization;

namespace DueDiligence.Web.Components.Shared.Questionnaire;

/// <summary>Weights, points and band bounds written and read the way the template file has them: invariant, no trailing zeros.</summary>
public static class TemplateNumber
{
    /// <summary>2 → "2", 0.75 → "0.75".</summary>
    public static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>The value of a number input (always invariant, e.g. "0.75") → 0.75; blank or not a finite number → null.</summary>
    public static double? Parse(object? text) =>
        double.TryParse((text as string)?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : null;
}
