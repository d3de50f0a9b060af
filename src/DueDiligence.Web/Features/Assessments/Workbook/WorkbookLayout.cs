using System.Security.Cryptography;
using System.Text;

namespace DueDiligence.Web.Features.Assessments.Workbook;

/// <summary>
/// The shape of the questionnaire workbook, shared by the writer and the reader: the sheets, the columns of the
/// questionnaire sheet, the hidden check values and the check value that ties them together.
/// </summary>
internal static class WorkbookLayout
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string QuestionSheet = "Questionnaire";

    /// <summary>Hidden: one column of choice words per list question, which the answer cells' lists point to.</summary>
    public const string ChoicesSheet = "Choices";

    /// <summary>Very hidden: which assessment, questionnaire version and sections the workbook was made for.</summary>
    public const string CheckSheet = "Check";

    public const string SectionColumn = "A";
    public const string QuestionColumn = "B";
    public const string GuidanceColumn = "C";
    public const string HowColumn = "D";
    public const string AnswerColumn = "E";
    public const string CommentColumn = "F";

    /// <summary>Hidden: the question's code, by which an import finds the question.</summary>
    public const string CodeColumn = "G";

    public static readonly IReadOnlyList<(string Column, string Header, double Width)> Columns =
    [
        (SectionColumn, "Section", 22),
        (QuestionColumn, "Question", 50),
        (GuidanceColumn, "Guidance", 45),
        (HowColumn, "How to answer", 28),
        (AnswerColumn, "Your answer", 32),
        (CommentColumn, "Your comment", 40),
        (CodeColumn, "Question code", 14),
    ];

    /// <summary>The first row of questions; row 1 holds the headers.</summary>
    public const int FirstQuestionRow = 2;

    // The check sheet: a label in column A, the value in column B, one per row in this order.
    public const string AssessmentKey = "Assessment";
    public const string TemplateVersionKey = "Questionnaire version id";
    public const string TemplateLabelKey = "Questionnaire";
    public const string InvitationKey = "Invitation";
    public const string SectionsKey = "Sections";
    public const string CheckKey = "Check";

    public static readonly IReadOnlyList<string> CheckKeys = [AssessmentKey, TemplateVersionKey, TemplateLabelKey, InvitationKey, SectionsKey, CheckKey];

    /// <summary>
    /// The check value: SHA-256 over the assessment, the questionnaire version, the invitation, the sections and the
    /// question codes in row order. An import recomputes it from the assessment, so a workbook whose hidden values were
    /// edited, or one made from another version of the questionnaire, does not match.
    /// </summary>
    public static string Check(Guid assessmentId, Guid templateVersionId, Guid? invitationId, IReadOnlyList<string> sections, IEnumerable<string> questionCodes)
    {
        var text = string.Join('\n', ["questionnaire-workbook-1", assessmentId.ToString("D"), templateVersionId.ToString("D"), invitationId?.ToString("D") ?? "",
            string.Join(',', sections), .. questionCodes]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>"A", "B", …, "Z", "AA": the letters of a column counted from 1.</summary>
    public static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }
}
