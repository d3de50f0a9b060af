using System.Globalization;

using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Assessments.RiskSummary;

/// <summary>A saved answer in words, as a reader of the report needs it: "Yes", "Level 2 (Defined)", the chosen options' labels.</summary>
internal static class AnswerText
{
    public const string Unanswered = "Not answered";

    public static string Describe(QuestionDefinition question, AssessmentAnswer? answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (answer is null || !answer.HasValue)
        {
            return Unanswered;
        }

        if (answer.NotApplicable)
        {
            return "N/A";
        }

        var value = question.Type switch
        {
            QuestionType.YesNo => answer.YesNo is { } yes ? (yes ? "Yes" : "No") : null,
            QuestionType.Maturity => answer.Maturity is { } level ? MaturityScale.Describe(level) : null,
            QuestionType.SingleChoice or QuestionType.MultipleChoice => Options(question, answer.OptionCodes),
            QuestionType.Number => answer.Number is { } number ? Number(number, question.Unit) : null,
            QuestionType.Date => answer.Date is { } date ? IsoDates.Day(date) : null,
            QuestionType.Text => answer.Text,
            _ => null,
        };
        var text = string.IsNullOrWhiteSpace(value) ? Unanswered : value;

        // A manual rating is the analyst's judgement of a text answer; it counts in the score, so the reader sees it.
        return answer.ManualRating is { } rating ? $"{text} (rated {ReportFormat.Two(rating)}: {ManualRatingScale.NameOf(rating) ?? ReportFormat.Two(rating)})" : text;
    }

    private static string? Options(QuestionDefinition question, IReadOnlyList<string> codes) =>
        codes.Count == 0 ? null : string.Join("; ", codes.Select(code => question.Options.Find(o => o.Code == code)?.Label ?? code));

    private static string Number(double number, string? unit)
    {
        var text = number.ToString("0.##", CultureInfo.InvariantCulture);
        return string.IsNullOrWhiteSpace(unit) ? text : $"{text} {unit}";
    }
}
