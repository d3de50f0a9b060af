using System.Globalization;
using System.Text;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>The download name of an exported version: its name in plain lower-case ASCII and its version number.</summary>
internal static class TemplateFileName
{
    private const int MaxSlugLength = 80;

    /// <summary>"IP Risk Due Diligence — Overseas Manufacturing", 2 → "ip-risk-due-diligence-overseas-manufacturing.v2.json".</summary>
    public static string For(string name, int versionNumber)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        if (text.Length > MaxSlugLength)
        {
            text = text[..MaxSlugLength].TrimEnd('-');
        }

        return $"{(text.Length == 0 ? "template" : text)}.v{versionNumber.ToString(CultureInfo.InvariantCulture)}.json";
    }
}
