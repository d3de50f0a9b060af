using System.Globalization;

using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Assessments;

/// <summary>Checks an answer against its question in the template snapshot, with a message that says what to change.</summary>
internal static class AnswerValidation
{
    public const int MaxTextLength = 4000;
    public const int MaxCommentLength = 2000;

    private enum ValueKind
    {
        YesNo,
        Maturity,
        Options,
        Number,
        Date,
        Text,
        ManualRating,
    }

    /// <summary>The answer to store: texts trimmed (blank ones dropped), option codes as chosen.</summary>
    public static AnswerInput Check(QuestionDefinition question, AnswerInput input)
    {
        var value = input with
        {
            QuestionCode = question.Code,
            OptionCodes = [.. input.OptionCodes],
            Text = Common.Text.Optional(input.Text, MaxTextLength),
            Comment = Common.Text.Optional(input.Comment, MaxCommentLength),
            EvidenceJustification = Common.Text.Optional(input.EvidenceJustification, MaxCommentLength),
        };

        var given = GivenKinds(value);
        if (value.NotApplicable)
        {
            CheckNotApplicable(question, given);
            return value;
        }

        foreach (var kind in given)
        {
            CheckKindFits(question, kind);
        }

        CheckRange(question, value);
        return value;
    }

    private static List<ValueKind> GivenKinds(AnswerInput value)
    {
        var kinds = new List<ValueKind>();
        if (value.YesNo.HasValue)
        {
            kinds.Add(ValueKind.YesNo);
        }

        if (value.Maturity.HasValue)
        {
            kinds.Add(ValueKind.Maturity);
        }

        if (value.OptionCodes.Count > 0)
        {
            kinds.Add(ValueKind.Options);
        }

        if (value.Number.HasValue)
        {
            kinds.Add(ValueKind.Number);
        }

        if (value.Date.HasValue)
        {
            kinds.Add(ValueKind.Date);
        }

        if (value.Text is not null)
        {
            kinds.Add(ValueKind.Text);
        }

        if (value.ManualRating.HasValue)
        {
            kinds.Add(ValueKind.ManualRating);
        }

        return kinds;
    }

    private static void CheckNotApplicable(QuestionDefinition question, List<ValueKind> given)
    {
        if (!question.AllowNotApplicable)
        {
            throw new DomainException($"Question {question.Code} cannot be marked N/A: the questionnaire asks every supplier for an answer.");
        }

        if (given.Count > 0)
        {
            throw new DomainException(
                $"Question {question.Code} is marked N/A, so it takes no answer: remove the {Name(given[0])} or untick N/A.");
        }
    }

    private static void CheckKindFits(QuestionDefinition question, ValueKind kind)
    {
        if (kind == ValueKind.ManualRating && question.Type != QuestionType.Text)
        {
            throw new DomainException(
                $"Only Text questions take a manual rating; question {question.Code} is a {TypeName(question.Type)} question and is rated from its answer.");
        }

        if (!Fits(question.Type, kind))
        {
            throw new DomainException(
                $"Question {question.Code} is a {TypeName(question.Type)} question and takes {Expected(question.Type)}, not a {Name(kind)}.");
        }
    }

    private static void CheckRange(QuestionDefinition question, AnswerInput value)
    {
        if (value.Maturity is { } level && !MaturityScale.IsLevel(level))
        {
            throw new DomainException(
                $"A maturity level runs from 0 (None) to {MaturityScale.Highest} (Optimised); {level} is not on the scale (question {question.Code}).");
        }

        if (value.Number is { } number && !double.IsFinite(number))
        {
            throw new DomainException($"Enter a finite number for question {question.Code}.");
        }

        if (value.ManualRating is { } rating && !Answer.IsValidManualRating(rating))
        {
            throw new DomainException(
                $"A manual rating is 0, 0.25, 0.5, 0.75 or 1; {rating.ToString(CultureInfo.InvariantCulture)} is not one of them (question {question.Code}).");
        }

        if (value.OptionCodes.Count > 0)
        {
            CheckOptions(question, value.OptionCodes);
        }
    }

    private static void CheckOptions(QuestionDefinition question, IReadOnlyList<string> codes)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i];
            if (!question.Options.Exists(o => string.Equals(o.Code, code, StringComparison.Ordinal)))
            {
                var known = string.Join(", ", question.Options.Select(static o => o.Code));
                throw new DomainException($"Question {question.Code} has no option “{code}”; its options are {known}.");
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(codes[j], code, StringComparison.Ordinal))
                {
                    throw new DomainException($"Option “{code}” is chosen twice for question {question.Code}; choose each option once.");
                }
            }
        }

        if (question.Type == QuestionType.SingleChoice && codes.Count > 1)
        {
            throw new DomainException($"Question {question.Code} takes exactly one option; {codes.Count} were chosen.");
        }
    }

    private static bool Fits(QuestionType type, ValueKind kind) => (type, kind) switch
    {
        (QuestionType.YesNo, ValueKind.YesNo) => true,
        (QuestionType.Maturity, ValueKind.Maturity) => true,
        (QuestionType.SingleChoice or QuestionType.MultipleChoice, ValueKind.Options) => true,
        (QuestionType.Number, ValueKind.Number) => true,
        (QuestionType.Date, ValueKind.Date) => true,
        (QuestionType.Text, ValueKind.Text or ValueKind.ManualRating) => true,
        _ => false,
    };

    internal static string TypeName(QuestionType type) => type switch
    {
        QuestionType.YesNo => "Yes/No",
        QuestionType.Maturity => "maturity",
        QuestionType.SingleChoice => "single-choice",
        QuestionType.MultipleChoice => "multiple-choice",
        QuestionType.Number => "number",
        QuestionType.Date => "date",
        _ => "Text",
    };

    private static string Expected(QuestionType type) => type switch
    {
        QuestionType.YesNo => "Yes or No",
        QuestionType.Maturity => "a maturity level from 0 (None) to 4 (Optimised)",
        QuestionType.SingleChoice => "exactly one of its options",
        QuestionType.MultipleChoice => "one or more of its options",
        QuestionType.Number => "a number",
        QuestionType.Date => "a date",
        _ => "text and, if you rate it, a manual rating",
    };

    private static string Name(ValueKind kind) => kind switch
    {
        ValueKind.YesNo => "Yes/No value",
        ValueKind.Maturity => "maturity level",
        ValueKind.Options => "choice of options",
        ValueKind.Number => "number",
        ValueKind.Date => "date",
        ValueKind.Text => "text answer",
        _ => "manual rating",
    };
}
