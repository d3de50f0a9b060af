using System.Globalization;
using System.Text.RegularExpressions;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>
/// The paths <see cref="TemplateValidator"/> reports (<c>sections[1].questions[3].weight</c>): built for the editor's
/// fields, and read back to open the section and question an error concerns (<see cref="TemplateErrorText"/> says
/// where it is in words).
/// </summary>
internal static partial class TemplatePath
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

    [GeneratedRegex(@"^sections\[(\d+)\](?:\.questions\[(\d+)\])?")]
    private static partial Regex Location();
}
