namespace DueDiligence.Domain.Questionnaires;

/// <summary>The five levels of a Maturity question, rated level / 4.</summary>
public static class MaturityScale
{
    public const int Highest = 4;

    public static IReadOnlyList<string> Names { get; } = ["None", "Initial", "Defined", "Managed", "Optimised"];

    public static bool IsLevel(int level)
    {
        return level is >= 0 and <= Highest;
    }

    /// <summary>"Level 2 (Defined)".</summary>
    public static string Describe(int level)
    {
        return IsLevel(level) ? $"Level {level} ({Names[level]})" : $"Level {level}";
    }
}
