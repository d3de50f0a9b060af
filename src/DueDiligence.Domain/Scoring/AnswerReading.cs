using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Scoring;

/// <summary>What an answer means for its question: applicable or N/A, given or not, scored or not, and its rating r (SCORING.md §1).</summary>
internal readonly record struct AnswerReading(bool NotApplicable, bool HasAnswer, bool Scored, double Rating)
{
    public static AnswerReading Read(QuestionDefinition question, Answer? answer, DateOnly asOf, ScoringPolicy policy)
    {
        var isText = question.Type == QuestionType.Text;
        if (answer is null)
        {
            return new(NotApplicable: false, HasAnswer: false, Scored: !isText, Rating: 0);
        }

        if (answer.NotApplicable && question.AllowNotApplicable)
        {
            return new(NotApplicable: true, HasAnswer: true, Scored: false, Rating: 0);
        }

        if (isText)
        {
            var rated = answer.ManualRating is { } manual && Answer.IsValidManualRating(manual);
            var given = rated || !string.IsNullOrWhiteSpace(answer.Text);
            return new(NotApplicable: false, HasAnswer: given, Scored: rated, Rating: rated ? answer.ManualRating!.Value : 0);
        }

        var rating = RatingOf(question, answer, asOf, policy);
        return new(NotApplicable: false, HasAnswer: rating.HasValue, Scored: true, Rating: rating ?? 0);
    }

    /// <summary>The rating of a scored type, or null when no value fitting the question was given.</summary>
    private static double? RatingOf(QuestionDefinition question, Answer answer, DateOnly asOf, ScoringPolicy policy)
    {
        switch (question.Type)
        {
            case QuestionType.YesNo:
                return answer.YesNo is { } yes ? (yes != question.Inverted ? 1 : 0) : null;
            case QuestionType.Maturity:
                return answer.Maturity is { } level && MaturityScale.IsLevel(level) ? (double)level / MaturityScale.Highest : null;
            case QuestionType.SingleChoice:
                return answer.OptionCodes.Count == 1 && FindOption(question, answer.OptionCodes[0]) is { } chosen ? chosen.Points : null;
            case QuestionType.MultipleChoice:
                return MultipleChoiceRating(question, answer.OptionCodes);
            case QuestionType.Number:
                return answer.Number is { } number && double.IsFinite(number) ? BandRating(question.Bands, number) : null;
            case QuestionType.Date:
                return answer.Date is { } date ? DateRating(date, asOf, policy) : null;
            default:
                return null;
        }
    }

    public static OptionDefinition? FindOption(QuestionDefinition question, string code)
    {
        foreach (var option in question.Options)
        {
            if (string.Equals(option.Code, code, StringComparison.Ordinal))
            {
                return option;
            }
        }

        return null;
    }

    /// <summary>min(1, Σ points of the chosen options); unknown codes are ignored and a repeated code counts once.</summary>
    private static double? MultipleChoiceRating(QuestionDefinition question, IReadOnlyList<string> codes)
    {
        var sum = 0.0;
        var any = false;
        for (var i = 0; i < codes.Count; i++)
        {
            if (FindOption(question, codes[i]) is not { } option || IsRepeated(codes, i))
            {
                continue;
            }

            sum += option.Points;
            any = true;
        }

        return any ? Math.Min(1, sum) : null;
    }

    private static bool IsRepeated(IReadOnlyList<string> codes, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (string.Equals(codes[j], codes[index], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first band whose bound is at or above the value applies; a value equal to a bound takes that band.</summary>
    private static double BandRating(List<NumberBand> bands, double value)
    {
        foreach (var band in bands)
        {
            if (band.UpTo is not { } upTo || value <= upTo)
            {
                return band.Points;
            }
        }

        // Only an unpublishable template (last band bounded) gets here: a value beyond every band earns nothing.
        return 0;
    }

    private static double DateRating(DateOnly date, DateOnly asOf, ScoringPolicy policy)
    {
        var days = date.DayNumber - asOf.DayNumber;
        return days <= 0 ? 0
            : days >= policy.DateFullRatingDays ? 1
            : policy.DateExpiringSoonRating;
    }
}
