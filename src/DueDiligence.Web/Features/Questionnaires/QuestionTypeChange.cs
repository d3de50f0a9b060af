using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>
/// Changes a question's type in the editor and drops what the new type cannot use (options, bands, unit, inverted,
/// a knock-out of another kind), so that switching type never leaves hidden leftovers that block publication.
/// </summary>
internal static class QuestionTypeChange
{
    public static void Apply(QuestionDefinition question, QuestionType type)
    {
        ArgumentNullException.ThrowIfNull(question);
        question.Type = type;
        var isChoice = type is QuestionType.SingleChoice or QuestionType.MultipleChoice;
        if (!isChoice)
        {
            question.Options.Clear();
        }
        else if (question.Options.Count == 0)
        {
            // A choice question needs two options; two empty rows show where to type them.
            question.Options.AddRange([new OptionDefinition { Points = 1 }, new OptionDefinition()]);
        }

        if (type != QuestionType.Number)
        {
            question.Bands.Clear();
            question.Unit = null;
        }
        else if (question.Bands.Count == 0)
        {
            question.Bands.Add(new NumberBand { UpTo = null, Points = 1 });
        }

        if (type != QuestionType.YesNo)
        {
            question.Inverted = false;
        }

        if (question.KnockOut is { } rule && !Fits(rule, type))
        {
            question.KnockOut = null;
        }
    }

    private static bool Fits(KnockOutRule rule, QuestionType type) => type switch
    {
        QuestionType.YesNo => rule.YesNo.HasValue,
        QuestionType.SingleChoice or QuestionType.MultipleChoice => rule.Options.Count > 0,
        QuestionType.Maturity => rule.MaturityAtOrBelow.HasValue,
        QuestionType.Date => rule.DateOnOrBeforeAsOf,
        _ => false,
    };
}
