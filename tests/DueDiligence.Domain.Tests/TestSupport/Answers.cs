using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Tests.TestSupport;

/// <summary>Short factories for answers.</summary>
internal static class Answers
{
    public static Answer Yes(string code)
    {
        return new Answer { QuestionCode = code, YesNo = true };
    }

    public static Answer No(string code)
    {
        return new Answer { QuestionCode = code, YesNo = false };
    }

    public static Answer Maturity(string code, int level)
    {
        return new Answer { QuestionCode = code, Maturity = level };
    }

    public static Answer Options(string code, params string[] optionCodes)
    {
        return new Answer { QuestionCode = code, OptionCodes = optionCodes };
    }

    public static Answer Number(string code, double value)
    {
        return new Answer { QuestionCode = code, Number = value };
    }

    public static Answer Date(string code, DateOnly value)
    {
        return new Answer { QuestionCode = code, Date = value };
    }

    public static Answer Text(string code, string text, double? manualRating = null)
    {
        return new Answer { QuestionCode = code, Text = text, ManualRating = manualRating };
    }

    public static Answer NotApplicable(string code)
    {
        return new Answer { QuestionCode = code, NotApplicable = true };
    }
}
