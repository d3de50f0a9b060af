using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>Answers read from the questionnaire itself, so that the tests follow the template rather than a copy of it.</summary>
internal static class CompleteAnswers
{
    public const string Justification = "Seen during the site visit; the supplier does not release copies.";

    /// <summary>The strongest answer the question allows, justified where evidence is required.</summary>
    public static AnswerInput Best(QuestionDefinition question)
    {
        var answer = new AnswerInput { QuestionCode = question.Code, EvidenceJustification = question.EvidenceRequired ? Justification : null };
        return question.Type switch
        {
            QuestionType.YesNo => answer with { YesNo = !question.Inverted },
            QuestionType.Maturity => answer with { Maturity = MaturityScale.Highest },
            QuestionType.SingleChoice => answer with { OptionCodes = [question.Options.MaxBy(o => o.Points)!.Code] },
            QuestionType.MultipleChoice => answer with { OptionCodes = question.Options.Select(o => o.Code).ToList() },
            QuestionType.Number => answer with { Number = BestNumber(question.Bands) },
            QuestionType.Date => answer with { Date = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(2) },
            _ => answer with { Text = "Described in the supplier's written reply.", ManualRating = 1 },
        };
    }

    /// <summary>A value in the band with the most points: its bound, or just above the previous bound for the open-ended band.</summary>
    private static double BestNumber(List<NumberBand> bands)
    {
        var best = bands.IndexOf(bands.MaxBy(b => b.Points)!);
        return bands[best].UpTo ?? ((best == 0 ? 0 : bands[best - 1].UpTo!.Value) + 1);
    }
}
