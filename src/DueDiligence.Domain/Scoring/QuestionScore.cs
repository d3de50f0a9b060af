using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Scoring;

/// <summary>How one question contributed to its section score.</summary>
public sealed record QuestionScore
{
    public required string Code { get; init; }

    public required string Text { get; init; }

    public required QuestionType Type { get; init; }

    public required double Weight { get; init; }

    public required QuestionStatus Status { get; init; }

    /// <summary>Whether a value fitting the question was given (N/A included); what completion counts.</summary>
    public required bool HasAnswer { get; init; }

    public required bool Required { get; init; }

    public required EvidenceStatus Evidence { get; init; }

    /// <summary>The answer rating r (0–1); 0 when unanswered, null when N/A or unscored.</summary>
    public double? Rating { get; init; }

    /// <summary>The evidence confidence c; null when N/A or unscored.</summary>
    public double? Confidence { get; init; }

    /// <summary>The credited rating r′ = r × c; null when N/A or unscored.</summary>
    public double? CreditedRating { get; init; }

    /// <summary>w × r′, this question's share of the section's weighted sum; null when N/A or unscored.</summary>
    public double? WeightedContribution { get; init; }

    public bool IsCounted => Status is QuestionStatus.Answered or QuestionStatus.Unanswered;
}
