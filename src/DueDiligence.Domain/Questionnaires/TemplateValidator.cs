using System.Globalization;

namespace DueDiligence.Domain.Questionnaires;

/// <summary>Checks that a template can be published: every rule reports a path and a message for the administrator.</summary>
public static class TemplateValidator
{
    public static IReadOnlyList<TemplateError> Validate(TemplateDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var errors = new List<TemplateError>();

        if (string.IsNullOrWhiteSpace(template.Name))
        {
            errors.Add(new("name", "Give the template a name."));
        }

        if (template.Sections.Count == 0)
        {
            errors.Add(new("sections", "Add at least one section."));
        }

        var sectionCodes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var questionCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var s = 0; s < template.Sections.Count; s++)
        {
            ValidateSection(template.Sections[s], $"sections[{s}]", sectionCodes, questionCodes, errors);
        }

        return errors;
    }

    private static void ValidateSection(
        SectionDefinition section,
        string path,
        Dictionary<string, int> sectionCodes,
        Dictionary<string, string> questionCodes,
        List<TemplateError> errors)
    {
        if (string.IsNullOrWhiteSpace(section.Code))
        {
            errors.Add(new($"{path}.code", "Every section needs a code."));
        }
        else if (sectionCodes.TryGetValue(section.Code.Trim(), out var first))
        {
            errors.Add(new($"{path}.code", $"Section code '{section.Code}' is already used by section {first + 1}; section codes must be unique."));
        }
        else
        {
            sectionCodes.Add(section.Code.Trim(), sectionCodes.Count);
        }

        if (string.IsNullOrWhiteSpace(section.Title))
        {
            errors.Add(new($"{path}.title", "Every section needs a title."));
        }

        CheckWeight(section.Weight, $"{path}.weight", "Section", errors);

        if (section.Questions.Count == 0)
        {
            errors.Add(new($"{path}.questions", "Add at least one question to this section."));
        }
        else if (section.Questions.TrueForAll(static q => q.Type == QuestionType.Text))
        {
            errors.Add(new($"{path}.questions",
                "This section needs at least one scored question: Text questions only count when an analyst rates them, so a section of Text questions alone has no score."));
        }

        for (var q = 0; q < section.Questions.Count; q++)
        {
            ValidateQuestion(section.Questions[q], $"{path}.questions[{q}]", section.Code, questionCodes, errors);
        }
    }

    private static void ValidateQuestion(
        QuestionDefinition question,
        string path,
        string sectionCode,
        Dictionary<string, string> questionCodes,
        List<TemplateError> errors)
    {
        if (string.IsNullOrWhiteSpace(question.Code))
        {
            errors.Add(new($"{path}.code", "Every question needs a code."));
        }
        else if (questionCodes.TryGetValue(question.Code.Trim(), out var firstSection))
        {
            errors.Add(new($"{path}.code",
                $"Question code '{question.Code}' is already used in section '{firstSection}'; question codes must be unique across the template."));
        }
        else
        {
            questionCodes.Add(question.Code.Trim(), sectionCode);
        }

        if (string.IsNullOrWhiteSpace(question.Text))
        {
            errors.Add(new($"{path}.text", "Every question needs a text."));
        }

        if (!Enum.IsDefined(question.Type))
        {
            errors.Add(new($"{path}.type", "Choose a question type."));
        }

        CheckWeight(question.Weight, $"{path}.weight", "Question", errors);

        for (var i = 0; i < question.References.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(question.References[i]))
            {
                errors.Add(new($"{path}.references[{i}]", "Remove the empty reference or fill it in."));
            }
        }

        if (question.Inverted && question.Type != QuestionType.YesNo)
        {
            errors.Add(new($"{path}.inverted", "Only Yes/No questions can be inverted."));
        }

        ValidateOptions(question, path, errors);
        ValidateBands(question, path, errors);
        if (question.KnockOut is not null)
        {
            ValidateKnockOut(question, question.KnockOut, $"{path}.knockOut", errors);
        }
    }

    private static void ValidateOptions(QuestionDefinition question, string path, List<TemplateError> errors)
    {
        if (!IsChoice(question.Type))
        {
            if (question.Options.Count > 0)
            {
                errors.Add(new($"{path}.options", "Only choice questions have options; remove them or change the question type."));
            }

            return;
        }

        if (question.Options.Count < 2)
        {
            errors.Add(new($"{path}.options", "A choice question needs at least two options."));
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < question.Options.Count; i++)
        {
            var option = question.Options[i];
            var optionPath = $"{path}.options[{i}]";
            if (string.IsNullOrWhiteSpace(option.Code))
            {
                errors.Add(new($"{optionPath}.code", "Every option needs a code."));
            }
            else if (!codes.Add(option.Code.Trim()))
            {
                errors.Add(new($"{optionPath}.code", $"Option code '{option.Code}' appears twice in this question; option codes must be unique."));
            }

            if (string.IsNullOrWhiteSpace(option.Label))
            {
                errors.Add(new($"{optionPath}.label", "Every option needs a label."));
            }

            CheckPoints(option.Points, $"{optionPath}.points", "Option points", errors);
        }
    }

    private static void ValidateBands(QuestionDefinition question, string path, List<TemplateError> errors)
    {
        if (question.Type != QuestionType.Number)
        {
            if (question.Bands.Count > 0)
            {
                errors.Add(new($"{path}.bands", "Only number questions have bands; remove them or change the question type."));
            }

            return;
        }

        if (question.Bands.Count == 0)
        {
            errors.Add(new($"{path}.bands", "A number question needs at least one band (the last one open-ended)."));
            return;
        }

        double? previous = null;
        for (var i = 0; i < question.Bands.Count; i++)
        {
            var band = question.Bands[i];
            var bandPath = $"{path}.bands[{i}]";
            var isLast = i == question.Bands.Count - 1;
            if (band.UpTo is { } upTo)
            {
                if (!double.IsFinite(upTo))
                {
                    errors.Add(new($"{bandPath}.upTo", "A band's upper bound must be a finite number."));
                }
                else if (previous is { } p && upTo <= p)
                {
                    errors.Add(new($"{bandPath}.upTo",
                        $"Band upper bounds must be strictly ascending: {Format(upTo)} is not above the previous bound {Format(p)}."));
                }
                else
                {
                    previous = upTo;
                }

                if (isLast)
                {
                    errors.Add(new($"{bandPath}.upTo", "The last band must be open-ended (no upper bound) so that every value falls in a band."));
                }
            }
            else if (!isLast)
            {
                errors.Add(new($"{bandPath}.upTo", "Only the last band may be open-ended; give this band an upper bound."));
            }

            CheckPoints(band.Points, $"{bandPath}.points", "Band points", errors);
        }
    }

    private static void ValidateKnockOut(QuestionDefinition question, KnockOutRule rule, string path, List<TemplateError> errors)
    {
        var kinds = (rule.YesNo.HasValue ? 1 : 0)
            + (rule.Options.Count > 0 ? 1 : 0)
            + (rule.MaturityAtOrBelow.HasValue ? 1 : 0)
            + (rule.DateOnOrBeforeAsOf ? 1 : 0);
        if (kinds == 0)
        {
            errors.Add(new(path, "The knock-out rule names no answer; set one or remove the rule."));
            return;
        }

        if (kinds > 1)
        {
            errors.Add(new(path, "A knock-out rule takes one kind of answer only (a Yes/No value, options, a maturity level or an expired date)."));
            return;
        }

        if (rule.YesNo.HasValue && question.Type != QuestionType.YesNo)
        {
            errors.Add(new($"{path}.yesNo", "A Yes/No knock-out only fits a Yes/No question."));
        }

        if (rule.Options.Count > 0)
        {
            ValidateKnockOutOptions(question, rule, path, errors);
        }

        if (rule.MaturityAtOrBelow is { } level)
        {
            if (question.Type != QuestionType.Maturity)
            {
                errors.Add(new($"{path}.maturityAtOrBelow", "A maturity knock-out only fits a Maturity question."));
            }
            else if (!MaturityScale.IsLevel(level))
            {
                errors.Add(new($"{path}.maturityAtOrBelow", $"The maturity level must be between 0 and {MaturityScale.Highest} (it is {level})."));
            }
        }

        if (rule.DateOnOrBeforeAsOf && question.Type != QuestionType.Date)
        {
            errors.Add(new($"{path}.dateOnOrBeforeAsOf", "An expired-date knock-out only fits a Date question."));
        }
    }

    private static void ValidateKnockOutOptions(QuestionDefinition question, KnockOutRule rule, string path, List<TemplateError> errors)
    {
        if (!IsChoice(question.Type))
        {
            errors.Add(new($"{path}.options", "An option knock-out only fits a single- or multiple-choice question."));
            return;
        }

        for (var i = 0; i < rule.Options.Count; i++)
        {
            var code = rule.Options[i];
            if (!question.Options.Exists(o => string.Equals(o.Code, code, StringComparison.Ordinal)))
            {
                errors.Add(new($"{path}.options[{i}]", $"The knock-out names option '{code}', which this question does not have."));
            }
        }
    }

    private static void CheckWeight(double weight, string path, string what, List<TemplateError> errors)
    {
        if (!TemplateBounds.IsWeight(weight))
        {
            errors.Add(new(path, $"{what} weight must be above 0 and at most {Format(TemplateBounds.MaxWeight)} (it is {Format(weight)})."));
        }
    }

    private static void CheckPoints(double points, string path, string what, List<TemplateError> errors)
    {
        if (!TemplateBounds.IsPoints(points))
        {
            errors.Add(new(path, $"{what} must be between {Format(TemplateBounds.MinPoints)} and {Format(TemplateBounds.MaxPoints)} (it is {Format(points)})."));
        }
    }

    private static bool IsChoice(QuestionType type)
    {
        return type is QuestionType.SingleChoice or QuestionType.MultipleChoice;
    }

    private static string Format(double value)
    {
        return value.ToString(CultureInfo.InvariantCulture);
    }
}
