namespace DueDiligence.Domain.Scoring;

/// <summary>A knock-out triggered by a given answer; waived ones are still listed in every view.</summary>
public sealed record KnockOutHit
{
    public required string QuestionCode { get; init; }

    public required string QuestionText { get; init; }

    public required string SectionCode { get; init; }

    /// <summary>The answer that triggered it, in words, e.g. "No", "Level 1 (Initial)".</summary>
    public required string TriggeringAnswer { get; init; }

    public required bool Waived { get; init; }

    public required string Mitigation { get; init; }
}
