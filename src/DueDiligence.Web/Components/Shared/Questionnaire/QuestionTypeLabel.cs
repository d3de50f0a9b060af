using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Web.Components.Shared.Questionnaire;

/// <summary>The names of question types as people read them.</summary>
public static class QuestionTypeLabel
{
    public static string Of(QuestionType type) => type switch
    {
        QuestionType.YesNo => "Yes/No",
        QuestionType.Maturity => "Maturity 0–4",
        QuestionType.SingleChoice => "Single choice",
        QuestionType.MultipleChoice => "Multiple choice",
        QuestionType.Number => "Number",
        QuestionType.Date => "Date",
        QuestionType.Text => "Text",
        _ => type.ToString(),
    };
}
