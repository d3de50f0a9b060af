using System.Globalization;
using System.Text.RegularExpressions;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>
/// The paths <see cref="TemplateValidator"/> reports (<c>sections[1].questions[3].weight</c>): built for the editor's
/// fields, and read back to open the section and question an error concerns and to say where it is in words.
/// </summary>
public static partial class TemplatePath
{
    public static string Section(int section) => $"sections[{section}]";

    public static string Question(int section, int question) => $"sections[{section}].questions[{question}]";

    /// <summary>The section and question indexes a path points into, where it has them.</summary>
    public static (int? Section, int? Question) Locate(string path)
    {
        var match = Location().Match(path);
        if (!match.Success)
        {
            return (null, null);
        }

        var section = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        int? question = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : null;
        return (section, question);
    }

    /// <summary>"sections[1].questions[0].weight" → "Section 2 “Contracts” › question CT-01 › weight".</summary>
    public static string Describe(string path, TemplateDefinition template)
    {
        var (s, q) = Locate(path);
        if (s is not { } sectionIndex || sectionIndex >= template.Sections.Count)
        {
            return FieldName(path);
        }

        var section = template.Sections[sectionIndex];
        var where = string.IsNullOrWhiteSpace(section.Title) ? $"Section {sectionIndex + 1}" : $"Section {sectionIndex + 1} “{section.Title}”";
        if (q is { } questionIndex && questionIndex < section.Questions.Count)
        {
            var question = section.Questions[questionIndex];
            where += string.IsNullOrWhiteSpace(question.Code) ? $" › question {questionIndex + 1}" : $" › question {question.Code}";
        }

        var field = FieldName(Remainder().Replace(path, ""));
        return field.Length == 0 ? where : $"{where} › {field}";
    }

    private static string FieldName(string rest)
    {
        var text = rest.TrimStart('.');
        return text switch
        {
            "" => "",
            "name" => "template name",
            "sections" => "sections",
            _ => Words().Replace(text, m => " " + m.Value.ToLowerInvariant()).Replace(".", " › ", StringComparison.Ordinal).Trim(),
        };
    }

    [GeneratedRegex(@"^sections\[(\d+)\](?:\.questions\[(\d+)\])?")]
    private static partial Regex Location();

    [GeneratedRegex(@"^sections\[\d+\](?:\.questions\[\d+\])?")]
    private static partial Regex Remainder();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex Words();
}
