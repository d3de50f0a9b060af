using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Tests.TestSupport;

/// <summary>Short factories for template parts, so each test shows only what matters to it.</summary>
internal static class Templates
{
    public static TemplateDefinition Of(params SectionDefinition[] sections)
    {
        return new TemplateDefinition { Name = "Test template", Sections = [.. sections] };
    }

    /// <summary>A one-section template around a single question.</summary>
    public static TemplateDefinition Single(QuestionDefinition question)
    {
        return Of(Section("S", 1, question));
    }

    public static SectionDefinition Section(string code, double weight, params QuestionDefinition[] questions)
    {
        return new SectionDefinition { Code = code, Title = $"Section {code}", Weight = weight, Questions = [.. questions] };
    }

    public static QuestionDefinition YesNo(string code, double weight = 1, bool inverted = false)
    {
        return Question(code, QuestionType.YesNo, weight, q => q.Inverted = inverted);
    }

    public static QuestionDefinition Maturity(string code, double weight = 1)
    {
        return Question(code, QuestionType.Maturity, weight);
    }

    public static QuestionDefinition SingleChoice(string code, double weight, params (string Code, double Points)[] options)
    {
        return Question(code, QuestionType.SingleChoice, weight, q => q.Options = Options(options));
    }

    public static QuestionDefinition MultipleChoice(string code, double weight, params (string Code, double Points)[] options)
    {
        return Question(code, QuestionType.MultipleChoice, weight, q => q.Options = Options(options));
    }

    public static QuestionDefinition Number(string code, double weight, params (double? UpTo, double Points)[] bands)
    {
        return Question(code, QuestionType.Number, weight, q =>
        {
            q.Bands = [.. bands.Select(static b => new NumberBand { UpTo = b.UpTo, Points = b.Points })];
            q.Unit = "years";
        });
    }

    public static QuestionDefinition Date(string code, double weight = 1)
    {
        return Question(code, QuestionType.Date, weight);
    }

    public static QuestionDefinition Text(string code, double weight = 1)
    {
        return Question(code, QuestionType.Text, weight);
    }

    public static QuestionDefinition Question(string code, QuestionType type, double weight, Action<QuestionDefinition>? configure = null)
    {
        var question = new QuestionDefinition
        {
            Code = code,
            Text = $"Question {code}?",
            Type = type,
            Weight = weight,
            Required = true,
            Mitigation = $"Mitigate {code}.",
        };
        configure?.Invoke(question);
        return question;
    }

    public static T With<T>(this T item, Action<T> change)
    {
        change(item);
        return item;
    }

    private static List<OptionDefinition> Options((string Code, double Points)[] options)
    {
        return [.. options.Select(static o => new OptionDefinition { Code = o.Code, Label = $"Option {o.Code}", Points = o.Points })];
    }
}
