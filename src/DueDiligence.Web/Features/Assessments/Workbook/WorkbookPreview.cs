namespace DueDiligence.Web.Features.Assessments.Workbook;

/// <summary>What an imported row does to its question.</summary>
public enum PreviewStatus
{
    Unchanged,
    Added,
    Changed,
    Cleared,
}

/// <summary>A problem with an imported workbook: where it is (sheet and row, when it has a place) and a plain sentence.</summary>
public sealed record WorkbookProblem(string? Sheet, int? Row, string Message)
{
    public override string ToString() => (Sheet, Row) switch
    {
        ({ } sheet, { } row) => $"Sheet “{sheet}”, row {row}: {Message}",
        ({ } sheet, null) => $"Sheet “{sheet}”: {Message}",
        _ => Message,
    };
}

/// <summary>One question of an imported workbook: its answer and comment now and in the workbook.</summary>
public sealed record PreviewRow(
    int Row, string QuestionCode, string QuestionText, string CurrentAnswer, string NewAnswer, string? CurrentComment, string? NewComment, PreviewStatus Status);

/// <summary>
/// An imported workbook checked against its assessment, before anything is stored: each question's change, or the
/// problems that stop the import. <see cref="Changes"/> are the answers an import saves, each with the version it
/// replaces, marked as given by <see cref="GivenBy"/>.
/// </summary>
public sealed record WorkbookPreview(
    Guid AssessmentId, string FileName, string GivenBy, IReadOnlyList<PreviewRow> Rows, IReadOnlyList<WorkbookProblem> Problems,
    IReadOnlyList<ExpectedAnswer> Changes)
{
    public bool CanApply => Problems.Count == 0 && Changes.Count > 0;

    public static WorkbookPreview Refused(Guid assessmentId, string fileName, params WorkbookProblem[] problems) =>
        new(assessmentId, fileName, "", [], problems, []);
}
