namespace DueDiligence.Domain.Assessments;

/// <summary>An answer as the analyst gives it; only the value that fits the question's type may be set, and none to clear it.</summary>
public sealed record AnswerInput
{
    public required string QuestionCode { get; init; }

    /// <summary>Allowed only where the question allows N/A, and then with no value.</summary>
    public bool NotApplicable { get; init; }

    public bool? YesNo { get; init; }

    /// <summary>0 None, 1 Initial, 2 Defined, 3 Managed, 4 Optimised.</summary>
    public int? Maturity { get; init; }

    /// <summary>Exactly one for a single-choice question, one or more for multiple choice.</summary>
    public IReadOnlyList<string> OptionCodes { get; init; } = [];

    public double? Number { get; init; }

    public DateOnly? Date { get; init; }

    public string? Text { get; init; }

    /// <summary>Text questions only: 0, 0.25, 0.5, 0.75 or 1.</summary>
    public double? ManualRating { get; init; }

    public string? Comment { get; init; }

    /// <summary>Why there is no evidence for an evidence-required question; lets the assessment be submitted without it.</summary>
    public string? EvidenceJustification { get; init; }
}
