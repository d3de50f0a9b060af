namespace DueDiligence.Domain.Scoring;

/// <summary>An answer to one question; only the value that fits the question's type is read.</summary>
/// <remarks>
/// A question counts as answered when the value for its type is present and fits the template
/// (a known option, a maturity level 0–4, a finite number…), or when it is validly marked N/A.
/// </remarks>
public sealed record Answer
{
    /// <summary>The only manual ratings an analyst may give a Text question.</summary>
    public static IReadOnlyList<double> ManualRatingSteps { get; } = [0, 0.25, 0.5, 0.75, 1];

    public required string QuestionCode { get; init; }

    /// <summary>Honoured only where the question allows N/A; elsewhere the flag is ignored.</summary>
    public bool NotApplicable { get; init; }

    public bool? YesNo { get; init; }

    /// <summary>0 None, 1 Initial, 2 Defined, 3 Managed, 4 Optimised.</summary>
    public int? Maturity { get; init; }

    /// <summary>The chosen option codes: one for a single-choice question, any number for multiple choice.</summary>
    public IReadOnlyList<string> OptionCodes { get; init; } = [];

    public double? Number { get; init; }

    public DateOnly? Date { get; init; }

    public string? Text { get; init; }

    /// <summary>Text questions only: the analyst's rating, one of <see cref="ManualRatingSteps"/>; makes the question count.</summary>
    public double? ManualRating { get; init; }

    public string? Comment { get; init; }

    public static bool IsValidManualRating(double rating)
    {
        foreach (var step in ManualRatingSteps)
        {
            if (rating == step)
            {
                return true;
            }
        }

        return false;
    }
}
