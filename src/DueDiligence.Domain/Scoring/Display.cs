namespace DueDiligence.Domain.Scoring;

/// <summary>Formatting rules for showing scores; the model itself never rounds.</summary>
public static class Display
{
    /// <summary>One decimal, midpoint away from zero (48.15 → 48.2).</summary>
    public static double Round1(double value)
    {
        // Beyond 1e15 a double has no decimals to round, and decimal would overflow near 8e28.
        if (!double.IsFinite(value) || Math.Abs(value) >= 1e15)
        {
            return value;
        }

        // Through decimal, so that a double stored as 48.149999… still counts as the midpoint 48.15.
        return (double)Math.Round((decimal)value, 1, MidpointRounding.AwayFromZero);
    }
}
