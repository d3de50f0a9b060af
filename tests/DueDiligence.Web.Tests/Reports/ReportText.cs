using System.Text.RegularExpressions;

namespace DueDiligence.Web.Tests.Reports;

/// <summary>Text read from a PDF or HTML with runs of white space made single spaces, so that layout does not decide a match.</summary>
internal static partial class ReportText
{
    public static string Flatten(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
