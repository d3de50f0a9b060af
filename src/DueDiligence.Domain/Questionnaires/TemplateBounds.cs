namespace DueDiligence.Domain.Questionnaires;

/// <summary>
/// The bounds of a template's figures, SCORING.md §6 (policy ipdd-2026.2): section and question weights in (0, 1000],
/// option and band points in [0, 1], every one a finite number. With them no sum of the scoring model can overflow.
/// </summary>
public static class TemplateBounds
{
    public const double MaxWeight = 1000;

    public const double MinPoints = 0;

    public const double MaxPoints = 1;

    public static bool IsWeight(double weight) => double.IsFinite(weight) && weight > 0 && weight <= MaxWeight;

    public static bool IsPoints(double points) => double.IsFinite(points) && points >= MinPoints && points <= MaxPoints;
}
