using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Web.Features.Assessments.Workbook;

/// <summary>The answer and comment a workbook row gives for its question.</summary>
internal sealed record ImportedAnswer(int Row, QuestionDefinition Question, AnswerValue Value, string? Comment);

/// <summary>What a workbook says once checked against its assessment: the invitation it was made for, its answers and its problems.</summary>
internal sealed record WorkbookReading(Guid? InvitationId, IReadOnlyList<ImportedAnswer> Answers, IReadOnlyList<WorkbookProblem> Problems);

/// <summary>
/// Checks a read workbook against the assessment it is imported into: the hidden check values (this assessment, this
/// questionnaire version, the check value), the protected structure (headings, one row per question of its sections,
/// question codes and texts unchanged) and every answer cell. Every problem is collected, each with its place.
/// </summary>
internal static class WorkbookImport
{
    private const string Sheet = WorkbookLayout.QuestionSheet;

    private const string DownloadAgain = "Download the questionnaire again from the assessment page and fill that in.";

    public static WorkbookReading Check(Assessment assessment, string supplierName, WorkbookContent content)
    {
        if (content.Unreadable is { } unreadable)
        {
            return Refused(new WorkbookProblem(null, null, unreadable));
        }

        var template = assessment.Template;
        var check = CheckValues(assessment, supplierName, template, content.Check);
        if (check.Problem is { } problem)
        {
            return Refused(problem);
        }

        if (content.Rows is not { } rows)
        {
            return Refused(new WorkbookProblem(Sheet, null, $"The sheet is missing or was renamed (protected structure changed). {DownloadAgain}"));
        }

        var problems = new List<WorkbookProblem>();
        CheckHeadings(rows.FirstOrDefault(r => r.Number == 1), problems);
        var answers = new List<ImportedAnswer>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Number >= WorkbookLayout.FirstQuestionRow))
        {
            if (ReadRow(row, template, check.Sections!, seen) is { } read)
            {
                if (read.Problem is { } rowProblem)
                {
                    problems.Add(rowProblem);
                }
                else
                {
                    answers.Add(read.Answer!);
                }
            }
        }

        foreach (var missing in check.Sections!.SelectMany(s => s.Questions).Where(q => !seen.ContainsKey(q.Code)))
        {
            problems.Add(new WorkbookProblem(Sheet, null, $"The row of question {missing.Code} is missing: rows were deleted (protected structure changed). {DownloadAgain}"));
        }

        return new WorkbookReading(check.InvitationId, answers, problems);
    }

    private static WorkbookReading Refused(WorkbookProblem problem) => new(null, [], [problem]);

    private sealed record CheckResult(WorkbookProblem? Problem, IReadOnlyList<SectionDefinition>? Sections = null, Guid? InvitationId = null);

    private static CheckResult CheckValues(Assessment assessment, string supplierName, TemplateDefinition template, IReadOnlyDictionary<string, string>? values)
    {
        if (values is null || WorkbookLayout.CheckKeys.Any(k => !values.ContainsKey(k))
            || !Guid.TryParse(values[WorkbookLayout.AssessmentKey], out var assessmentId)
            || !Guid.TryParse(values[WorkbookLayout.TemplateVersionKey], out var templateVersionId))
        {
            return new(new WorkbookProblem(null, null,
                $"The workbook's hidden check data is missing, so it cannot be matched to this assessment: it was not downloaded from DueDiligence, or its questions were copied into another workbook. {DownloadAgain}"));
        }

        if (assessmentId != assessment.Id)
        {
            return new(new WorkbookProblem(null, null,
                $"This workbook was made for another assessment, not for this assessment of {supplierName}. Import it into the assessment it was downloaded from, or download this assessment's questionnaire."));
        }

        var sectionCodes = values[WorkbookLayout.SectionsKey].Split(',', StringSplitOptions.RemoveEmptyEntries);
        var sections = sectionCodes.Select(code => template.Sections.Find(s => s.Code == code)).ToList();
        if (templateVersionId != assessment.TemplateVersionId || sections.Any(s => s is null))
        {
            return new(new WorkbookProblem(null, null,
                $"The workbook was made from the questionnaire “{values[WorkbookLayout.TemplateLabelKey]}”, but this assessment uses {assessment.TemplateName}, version {assessment.TemplateVersionNumber}: the questionnaire changed. {DownloadAgain}"));
        }

        Guid? invitationId = Guid.TryParse(values[WorkbookLayout.InvitationKey], out var invitation) ? invitation : null;
        var expected = WorkbookLayout.Check(assessment.Id, templateVersionId, invitationId, sectionCodes, sections.SelectMany(s => s!.Questions).Select(q => q.Code));
        if (!string.Equals(expected, values[WorkbookLayout.CheckKey], StringComparison.Ordinal))
        {
            return new(new WorkbookProblem(null, null,
                $"The workbook's hidden check value does not match its hidden data: the hidden data was changed. {DownloadAgain}"));
        }

        return new(null, sections!, invitationId);
    }

    private static void CheckHeadings(WorkbookRow? headings, List<WorkbookProblem> problems)
    {
        foreach (var (column, header, _) in WorkbookLayout.Columns)
        {
            var found = headings?.Text(column) ?? "";
            if (!string.Equals(found, header, StringComparison.Ordinal))
            {
                problems.Add(new WorkbookProblem(Sheet, 1,
                    $"Column {column} is headed “{found}” instead of “{header}”: the headings were changed (protected structure changed). {DownloadAgain}"));
                return;
            }
        }
    }

    private sealed record RowResult(ImportedAnswer? Answer, WorkbookProblem? Problem);

    private static RowResult? ReadRow(WorkbookRow row, TemplateDefinition template, IReadOnlyList<SectionDefinition> sections, Dictionary<string, int> seen)
    {
        var code = row.Text(WorkbookLayout.CodeColumn);
        var answerCell = row[WorkbookLayout.AnswerColumn];
        var comment = row[WorkbookLayout.CommentColumn].Text;
        if (code.Length == 0)
        {
            return answerCell.IsEmpty && string.IsNullOrWhiteSpace(comment) ? null
                : Problem(row, "This row has an answer but no hidden question code: rows were added or the question code was removed (protected structure changed). "
                    + "Put answers only in the rows of the questions.");
        }

        var question = template.Sections.SelectMany(s => s.Questions).FirstOrDefault(q => q.Code == code);
        if (question is null)
        {
            return Problem(row, $"The hidden question code “{code}” is not a question of this questionnaire: the question code was changed. {DownloadAgain}");
        }

        if (!sections.Any(s => s.Questions.Contains(question)))
        {
            return Problem(row, $"Question {code} is not in the sections this workbook was made for ({string.Join(", ", sections.Select(s => s.Code))}): "
                + "answers are imported only for the questions the workbook was downloaded with.");
        }

        if (seen.TryGetValue(code, out var first))
        {
            return Problem(row, $"Question {code} appears a second time (first on row {first}): rows were copied (protected structure changed).");
        }

        seen[code] = row.Number;
        if (!AnswerValue.SameText(row.Text(WorkbookLayout.QuestionColumn), question.Text))
        {
            return Problem(row, $"The text of question {code} was changed (protected structure changed): questions cannot be edited, only answered. {DownloadAgain}");
        }

        var (value, error) = AnswerCells.Read(question, answerCell);
        return error is not null ? Problem(row, error) : new RowResult(new ImportedAnswer(row.Number, question, value!, comment), null);
    }

    private static RowResult Problem(WorkbookRow row, string message) => new(null, new WorkbookProblem(Sheet, row.Number, message));
}
