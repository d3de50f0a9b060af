using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Web.Components.Shared.Questionnaire;

/// <summary>Says in words which answer of a question knocks the supplier out.</summary>
public static class KnockOutText
{
    /// <summary>"Answering No knocks the supplier out."; null when the question has no knock-out.</summary>
    public static string? Describe(QuestionDefinition question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.KnockOut is not { } rule)
        {
            return null;
        }

        if (rule.YesNo is { } yesNo)
        {
            return $"Answering {(yesNo ? "Yes" : "No")} knocks the supplier out.";
        }

        if (rule.Options.Count > 0)
        {
            var labels = rule.Options.Select(code => question.Options.Find(o => o.Code == code)?.Label ?? code);
            return $"Choosing {string.Join(" or ", labels.Select(l => $"“{l}”"))} knocks the supplier out.";
        }

        if (rule.MaturityAtOrBelow is { } level)
        {
            return $"A maturity at or below {MaturityScale.Describe(level)} knocks the supplier out.";
        }

        return rule.DateOnOrBeforeAsOf ? "A date on or before the assessment date (e.g. an expired certificate) knocks the supplier out." : null;
    }
}
