namespace DueDiligence.Domain.Scoring;

/// <summary>A section's score S (0–100) and the questions behind it.</summary>
public sealed record SectionScore
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    public required double Weight { get; init; }

    /// <summary>S = 100 × Σ w·r′ / Σ w; null when the section has no scored, applicable question and is left out.</summary>
    public double? Score { get; init; }

    /// <summary>Σ w·r′ over the counted questions.</summary>
    public required double WeightedSum { get; init; }

    /// <summary>Σ w over the counted questions.</summary>
    public required double CountedWeight { get; init; }

    public required IReadOnlyList<QuestionScore> Questions { get; init; }

    public bool IsLeftOut => Score is null;
}
