using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Web.Tests.Sourcing;

/// <summary>
/// A complete set of answers of one strength (0 weak … 1 strong) to any questionnaire, avoiding every knock-out unless
/// asked for, so that a candidate's score can be set roughly from a test without scripting sixty answers.
/// </summary>
internal static class CandidateAnswers
{
    /// <summary>CT-01 of the default questionnaire: the supplier refuses our confidentiality agreement.</summary>
    public const string NdaQuestion = "CT-01";

    public static IEnumerable<AnswerInput> For(TemplateDefinition template, double strength, DateOnly asOf, IReadOnlySet<string> knockOuts)
    {
        foreach (var question in template.Sections.SelectMany(s => s.Questions))
        {
            var answer = knockOuts.Contains(question.Code) ? KnockOut(question) : Answer(question, strength, asOf);
            yield return question.EvidenceRequired
                ? answer with { EvidenceJustification = "Requested from the supplier; to follow after signature." }
                : answer;
        }
    }

    private static AnswerInput Answer(QuestionDefinition question, double strength, DateOnly asOf)
    {
        var input = new AnswerInput { QuestionCode = question.Code };
        var rule = question.KnockOut;
        return question.Type switch
        {
            QuestionType.YesNo => input with { YesNo = YesNo(question, strength) },
            QuestionType.Maturity => input with { Maturity = Math.Max((int)Math.Round(strength * 4), (rule?.MaturityAtOrBelow ?? -1) + 1) },
            QuestionType.SingleChoice or QuestionType.MultipleChoice => input with { OptionCodes = [Nearest(question.Options.Where(o => rule?.Options.Contains(o.Code) != true), strength).Code] },
            QuestionType.Number => input with { Number = Number(question.Bands, strength) },
            QuestionType.Date => input with { Date = asOf.AddDays(strength >= 0.5 ? 365 : 30) },
            _ => input with { Text = "Described by the supplier in its reply.", ManualRating = Math.Round(strength * 4) / 4 },
        };
    }

    private static bool YesNo(QuestionDefinition question, double strength)
    {
        var strong = !question.Inverted;
        var value = strength >= 0.5 ? strong : !strong;
        return question.KnockOut?.YesNo == value ? !value : value;
    }

    private static AnswerInput KnockOut(QuestionDefinition question)
    {
        var rule = question.KnockOut ?? throw new InvalidOperationException($"{question.Code} has no knock-out.");
        var input = new AnswerInput { QuestionCode = question.Code };
        return rule.YesNo is { } yesNo ? input with { YesNo = yesNo }
            : rule.MaturityAtOrBelow is { } level ? input with { Maturity = level }
            : input with { OptionCodes = [rule.Options[0]] };
    }

    private static OptionDefinition Nearest(IEnumerable<OptionDefinition> options, double strength) =>
        options.OrderBy(o => Math.Abs(o.Points - strength)).First();

    private static double Number(IReadOnlyList<NumberBand> bands, double strength)
    {
        var band = bands.OrderBy(b => Math.Abs(b.Points - strength)).First();
        var index = bands.ToList().IndexOf(band);
        return band.UpTo ?? (index == 0 ? 1 : bands[index - 1].UpTo!.Value + 1);
    }
}
