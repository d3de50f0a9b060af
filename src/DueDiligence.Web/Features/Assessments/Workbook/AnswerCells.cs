using System.Globalization;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Web.Features.Assessments.Workbook;

/// <summary>What an answer cell holds: a number (numbers, and dates as Excel's day numbers) or text.</summary>
internal readonly record struct CellContent(string? Text, double? Number)
{
    public static readonly CellContent Empty = new(null, null);

    public bool IsEmpty => Number is null && string.IsNullOrWhiteSpace(Text);
}

/// <summary>
/// One place for how an answer is written in the workbook's answer cell and read back from it: the wording of each
/// choice (Yes/No, maturity levels, option labels, "Not applicable"), numbers and dates. Reading gives the value or a
/// plain sentence saying what is wrong.
/// </summary>
internal static class AnswerCells
{
    public const string NotApplicable = "Not applicable";

    /// <summary>Between two chosen options of a multiple-choice question.</summary>
    public const string OptionSeparator = "; ";

    /// <summary>The words a list cell offers, in order; empty for questions answered with a number, date or text.</summary>
    public static IReadOnlyList<string> Choices(QuestionDefinition question)
    {
        List<string> choices = question.Type switch
        {
            QuestionType.YesNo => ["Yes", "No"],
            QuestionType.Maturity => [.. Enumerable.Range(0, MaturityScale.Highest + 1).Select(MaturityScale.Describe)],
            QuestionType.SingleChoice or QuestionType.MultipleChoice => [.. question.Options.Select(o => o.Label)],
            _ => [],
        };
        if (question.AllowNotApplicable && question.Type != QuestionType.MultipleChoice)
        {
            choices.Add(NotApplicable);
        }

        return choices;
    }

    /// <summary>How to fill in the answer cell, shown next to it.</summary>
    public static string HowToAnswer(QuestionDefinition question)
    {
        var orNotApplicable = question.AllowNotApplicable ? $", or “{NotApplicable}”" : "";
        return question.Type switch
        {
            QuestionType.YesNo or QuestionType.Maturity or QuestionType.SingleChoice => "Choose one from the list.",
            QuestionType.MultipleChoice => $"One or more of: {string.Join(OptionSeparator, question.Options.Select(o => o.Label))} (separate them with “;”){orNotApplicable}.",
            QuestionType.Number => $"A number{(question.Unit is { Length: > 0 } unit ? $" ({unit})" : "")}{orNotApplicable}.",
            QuestionType.Date => $"A date (yyyy-mm-dd){orNotApplicable}.",
            _ => $"Text{orNotApplicable}.",
        };
    }

    /// <summary>The cell for a saved answer; empty when there is none.</summary>
    public static CellContent Write(QuestionDefinition question, AnswerValue value)
    {
        if (value.NotApplicable)
        {
            return new(NotApplicable, null);
        }

        return question.Type switch
        {
            QuestionType.YesNo when value.YesNo is { } yes => new(yes ? "Yes" : "No", null),
            QuestionType.Maturity when value.Maturity is { } level => new(MaturityScale.Describe(level), null),
            QuestionType.SingleChoice or QuestionType.MultipleChoice when value.OptionCodes.Count > 0 =>
                new(string.Join(OptionSeparator, value.OptionCodes.Select(c => question.Options.Find(o => o.Code == c)?.Label ?? c)), null),
            QuestionType.Number when value.Number is { } number => new(null, number),
            QuestionType.Date when value.Date is { } date => new(null, date.ToDateTime(TimeOnly.MinValue).ToOADate()),
            QuestionType.Text when value.Text is { } text => new(text, null),
            _ => CellContent.Empty,
        };
    }

    /// <summary>The words of an answer as the preview shows it.</summary>
    public static string Describe(QuestionDefinition question, AnswerValue value)
    {
        var cell = Write(question, value);
        return question.Type == QuestionType.Date && cell.Number is { } day
            ? DateOnly.FromDateTime(DateTime.FromOADate(day)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : cell.Number?.ToString(CultureInfo.InvariantCulture) ?? cell.Text ?? "";
    }

    /// <summary>Reads an answer cell: the value, or why it cannot be taken (a sentence naming what was found and what fits).</summary>
    public static (AnswerValue? Value, string? Error) Read(QuestionDefinition question, CellContent cell)
    {
        if (cell.IsEmpty)
        {
            return (AnswerValue.None, null);
        }

        var text = cell.Text?.Trim();
        if (question.AllowNotApplicable && string.Equals(text, NotApplicable, StringComparison.OrdinalIgnoreCase))
        {
            return (AnswerValue.None with { NotApplicable = true }, null);
        }

        return question.Type switch
        {
            QuestionType.YesNo or QuestionType.Maturity or QuestionType.SingleChoice => ReadChoice(question, text ?? Number(cell)),
            QuestionType.MultipleChoice => ReadOptions(question, text ?? Number(cell)),
            QuestionType.Number => ReadNumber(cell, text),
            QuestionType.Date => ReadDate(cell, text),
            _ => (AnswerValue.None with { Text = text ?? Number(cell) }, null),
        };
    }

    private static string Number(CellContent cell) => cell.Number?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static (AnswerValue?, string?) ReadChoice(QuestionDefinition question, string text)
    {
        var choices = Choices(question);
        var index = choices.ToList().FindIndex(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return (null, $"“{text}” is not one of the choices for {question.Code}; choose one of: {string.Join(OptionSeparator, choices)}.");
        }

        return question.Type switch
        {
            QuestionType.YesNo => (AnswerValue.None with { YesNo = index == 0 }, null),
            QuestionType.Maturity => (AnswerValue.None with { Maturity = index }, null),
            _ => (AnswerValue.None with { OptionCodes = [question.Options[index].Code] }, null),
        };
    }

    private static (AnswerValue?, string?) ReadOptions(QuestionDefinition question, string text)
    {
        var codes = new List<string>();
        foreach (var word in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var option = question.Options.Find(o => string.Equals(o.Label, word, StringComparison.OrdinalIgnoreCase));
            if (option is null)
            {
                return (null, $"“{word}” is not one of the choices for {question.Code}; choose from: {string.Join(OptionSeparator, question.Options.Select(o => o.Label))}.");
            }

            if (!codes.Contains(option.Code))
            {
                codes.Add(option.Code);
            }
        }

        return (AnswerValue.None with { OptionCodes = codes }, null);
    }

    private static (AnswerValue?, string?) ReadNumber(CellContent cell, string? text)
    {
        if (cell.Number is { } number)
        {
            return (AnswerValue.None with { Number = number }, null);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed)
            ? (AnswerValue.None with { Number = parsed }, null)
            : (null, $"“{text}” is not a number; write the number alone, such as 12 or 3.5.");
    }

    private static (AnswerValue?, string?) ReadDate(CellContent cell, string? text)
    {
        if (cell.Number is { } day && day is >= 1 and < 2958466)
        {
            return (AnswerValue.None with { Date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(day))) }, null);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (AnswerValue.None with { Date = date }, null)
            : (null, $"“{text ?? Number(cell)}” is not a date; write it as yyyy-mm-dd, such as 2027-03-31.");
    }
}
