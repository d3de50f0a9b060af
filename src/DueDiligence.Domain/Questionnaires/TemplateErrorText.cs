using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DueDiligence.Domain.Questionnaires;

/// <summary>
/// Says where a template problem is in words an author understands — "Section 2 (Contracts), question 3 (CT-03)" for
/// <c>sections[1].questions[2].weight</c> — and puts that place before the problem's message.
/// </summary>
public static partial class TemplateErrorText
{
    private const int MaxNameLength = 60;

    /// <summary>The section, question, option or band a path points into, in words; empty for the template as a whole.</summary>
    /// <param name="path">A validator path (<c>sections[0].code</c>) or a file path (<c>$.sections[0].code</c>).</param>
    /// <param name="template">The template, as far as it could be read, to name sections and questions; null gives numbers only.</param>
    public static string Where(string path, TemplateDefinition? template)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = new List<string>();
        SectionDefinition? section = null;
        QuestionDefinition? question = null;
        string? container = null;
        foreach (Match token in Token().Matches(path))
        {
            if (token.Groups["name"].Success)
            {
                if (container is not null)
                {
                    // A property inside a property (e.g. knockOut.options): past the last section, question, option or band.
                    break;
                }

                container = token.Groups["name"].Value;
                continue;
            }

            var index = int.Parse(token.Groups["index"].Value, CultureInfo.InvariantCulture);
            switch (container)
            {
                case "sections" when parts.Count == 0:
                    section = template?.Sections.ElementAtOrDefault(index);
                    parts.Add(Named($"Section {index + 1}", FirstNonBlank(section?.Title, section?.Code)));
                    break;
                case "questions" when parts.Count == 1:
                    question = section?.Questions.ElementAtOrDefault(index);
                    parts.Add(Named($"question {index + 1}", question?.Code));
                    break;
                case "options" when parts.Count == 2:
                    var option = question?.Options.ElementAtOrDefault(index);
                    parts.Add(Named($"option {index + 1}", FirstNonBlank(option?.Code, option?.Label)));
                    break;
                case "bands" when parts.Count == 2:
                    parts.Add($"band {index + 1}");
                    break;
                default:
                    // References and anything deeper are named by the message itself.
                    return string.Join(", ", parts);
            }

            container = null;
        }

        return string.Join(", ", parts);
    }

    /// <summary>"Section 2 (Contracts), question 3 (CT-03): question weight must be above 0 and at most 1000 (it is 0)."</summary>
    public static string Sentence(TemplateError error, TemplateDefinition? template)
    {
        ArgumentNullException.ThrowIfNull(error);
        var where = Where(error.Path, template);
        return where.Length == 0 ? error.Message : $"{where}: {AfterPlace(error.Message)}";
    }

    /// <summary>A message as it reads after the place and a colon: "Every question…" becomes "every question…"; "N/A…" stays.</summary>
    public static string AfterPlace(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length < 2 || !char.IsUpper(message[0]) || !(char.IsLower(message[1]) || char.IsWhiteSpace(message[1])))
        {
            return message;
        }

        return new StringBuilder(message) { [0] = char.ToLowerInvariant(message[0]) }.ToString();
    }

    private static string Named(string what, string? name) =>
        string.IsNullOrWhiteSpace(name) ? what : $"{what} ({Shorten(name.Trim())})";

    private static string? FirstNonBlank(string? first, string? second) =>
        string.IsNullOrWhiteSpace(first) ? second : first;

    private static string Shorten(string name) =>
        name.Length <= MaxNameLength ? name : name[..(MaxNameLength - 1)].TrimEnd() + "…";

    [GeneratedRegex(@"(?<name>[A-Za-z]+)|\[(?<index>\d+)\]")]
    private static partial Regex Token();
}
