using System.Globalization;

using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Scoring;

/// <summary>Decides whether a given answer triggers its question's knock-out (SCORING.md §4).</summary>
internal static class KnockOutCheck
{
    /// <summary>The triggering answer in words, or null when the answer does not knock out.</summary>
    /// <remarks>Call only for a given, applicable answer: N/A and unanswered questions never knock out.</remarks>
    public static string? Trigger(QuestionDefinition question, KnockOutRule rule, Answer answer, DateOnly asOf)
    {
        switch (question.Type)
        {
            case QuestionType.YesNo when rule.YesNo is { } knockOutValue && answer.YesNo == knockOutValue:
                return knockOutValue ? "Yes" : "No";
            case QuestionType.Maturity when rule.MaturityAtOrBelow is { } limit && answer.Maturity <= limit:
                return MaturityScale.Describe(answer.Maturity.Value);
            case QuestionType.Date when rule.DateOnOrBeforeAsOf && answer.Date <= asOf:
                return $"{Iso(answer.Date.Value)} (on or before {Iso(asOf)})";
            case QuestionType.SingleChoice or QuestionType.MultipleChoice when rule.Options.Count > 0:
                return ChosenKnockOutOptions(question, rule, answer);
            default:
                return null;
        }
    }

    private static string? ChosenKnockOutOptions(QuestionDefinition question, KnockOutRule rule, Answer answer)
    {
        List<string>? labels = null;
        foreach (var code in answer.OptionCodes)
        {
            if (rule.Options.Contains(code, StringComparer.Ordinal) && AnswerReading.FindOption(question, code) is { } option)
            {
                labels ??= [];
                if (!labels.Contains(option.Label))
                {
                    labels.Add(option.Label);
                }
            }
        }

        return labels is null ? null : string.Join(", ", labels);
    }

    private static string Iso(DateOnly date)
    {
        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
