using System.Globalization;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Components.Shared.Questionnaire;

namespace DueDiligence.Web.Features.Assessments.Review;

/// <summary>A saved answer in words, as a reviewer or approver reads it: "Yes", "Level 2 (Defined)", option labels, "12 years".</summary>
internal static class AnswerWording
{
    public const string NotAnswered = "Not answered";

    public const string NotApplicable = "N/A";

    public static string Of(QuestionDefinition question, AssessmentAnswer? answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (answer is null || !answer.HasValue)
        {
            return NotAnswered;
        }

        if (answer.NotApplicable)
        {
            return NotApplicable;
        }

        var words = question.Type switch
        {
            QuestionType.YesNo => answer.YesNo switch { true => "Yes", false => "No", null => null },
            QuestionType.Maturity => answer.Maturity is { } level ? MaturityScale.Describe(level) : null,
            QuestionType.SingleChoice or QuestionType.MultipleChoice => Options(question, answer.OptionCodes),
            QuestionType.Number => answer.Number is { } number ? Number(number, question.Unit) : null,
            QuestionType.Date => answer.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => answer.Text,
        };
        return words ?? NotAnswered;
    }

    /// <summary>For Text questions: the analyst's manual rating, which decides whether the answer counts.</summary>
    public static string? ManualRating(QuestionDefinition question, AssessmentAnswer? answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Type != QuestionType.Text || answer is null || !answer.HasValue || answer.NotApplicable)
        {
            return null;
        }

        return answer.ManualRating is { } rating
            ? $"Rated {ManualRatingScale.InWords(rating)} by the analyst, on a scale from 0 (none) to 1 (full)"
            : "Not rated: the answer does not count in the score";
    }

    private static string? Options(QuestionDefinition question, IReadOnlyList<string> codes) =>
        codes.Count == 0 ? null : string.Join(", ", codes.Select(code => question.Options.Find(o => o.Code == code)?.Label ?? code));

    private static string Number(double number, string? unit) =>
        string.IsNullOrWhiteSpace(unit) ? TemplateNumber.Format(number) : $"{TemplateNumber.Format(number)} {unit}";
}
