using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Pdf;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments.Workbook;

/// <summary>A questionnaire workbook to download.</summary>
public sealed record WorkbookFile(string FileName, byte[] Content);

/// <summary>
/// The Excel round-trip for suppliers who answer in a workbook rather than the portal. The analysts who work on a draft
/// download the questionnaire (all sections, chosen sections or an invitation's) with the saved answers, and import the
/// filled-in workbook: first a preview of every question's change, with nothing stored; then the changed answers
/// through <see cref="AnswerQuestion"/>, all or none, marked as the supplier's, to be accepted like portal answers.
/// </summary>
public sealed class QuestionnaireWorkbook(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, EvidenceStore store, AnswerQuestion answerQuestion, TimeProvider time)
{
    /// <summary>How the answers are marked: the contact (if the workbook was made for an invitation) and the file.</summary>
    private const int GivenByMaxLength = 120;

    /// <param name="invitationId">Take the sections of this invitation of the assessment.</param>
    /// <param name="sectionCodes">Else these sections; none means every section.</param>
    public async Task<WorkbookFile> DownloadAsync(
        Guid assessmentId, Guid? invitationId = null, IReadOnlyCollection<string>? sectionCodes = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (assessment, supplierName) = await LoadAsync(db, assessmentId, "downloads its questionnaire", cancellationToken);
        var template = assessment.Template;
        if (invitationId is { } id)
        {
            var invitation = await db.SupplierInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.AssessmentId == assessmentId, cancellationToken)
                ?? throw new DomainException("That invitation is not part of this assessment; reload the page.");
            sectionCodes = invitation.SectionCodes.ToList();
        }

        var unknown = sectionCodes?.Where(code => !template.Sections.Exists(s => s.Code == code)).ToList() ?? [];
        if (unknown.Count > 0)
        {
            throw new DomainException($"The questionnaire has no section {string.Join(", ", unknown)}.");
        }

        var sections = template.Sections.Where(s => sectionCodes is not { Count: > 0 } || sectionCodes.Contains(s.Code)).ToList();
        var scope = new WorkbookScope(assessment.Id, assessment.TemplateVersionId, $"{assessment.TemplateName}, version {assessment.TemplateVersionNumber}",
            invitationId, sections, assessment.AnswerTo);
        // "questionnaire-<supplier>-<day>.xlsx": the same ASCII name rule as the reports.
        var fileName = Path.ChangeExtension(PdfDownload.FileName("questionnaire", supplierName, "supplier", time.GetUtcNow()), ".xlsx");
        return new WorkbookFile(fileName, WorkbookWriter.Write(scope));
    }

    /// <summary>
    /// Checks an uploaded workbook (the evidence checks: size, .xlsx, really a workbook) and every row against the
    /// assessment, and tries each changed answer as the import would save it. Stores nothing.
    /// </summary>
    public async Task<WorkbookPreview> PreviewAsync(Guid assessmentId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (assessment, supplierName) = await LoadAsync(db, assessmentId, "imports its questionnaire", cancellationToken);
        byte[] bytes;
        try
        {
            bytes = await store.CheckAsync(fileName, content, FileContent.ExcelWorkbook, cancellationToken);
        }
        catch (EvidenceRejectedException rejected)
        {
            return WorkbookPreview.Refused(assessmentId, fileName, new WorkbookProblem(null, null, rejected.Message));
        }

        var reading = WorkbookImport.Check(assessment, supplierName, WorkbookReader.Read(bytes));
        if (reading.Problems.Count > 0)
        {
            return WorkbookPreview.Refused(assessmentId, fileName, [.. reading.Problems]);
        }

        var givenBy = await GivenByAsync(db, assessment, reading.InvitationId, fileName, cancellationToken);
        var actor = await currentUser.GetActorAsync();
        var rows = new List<PreviewRow>();
        var changes = new List<ExpectedAnswer>();
        var problems = new List<WorkbookProblem>();
        foreach (var imported in reading.Answers)
        {
            var current = assessment.AnswerTo(imported.Question.Code);
            var status = StatusOf(AnswerValue.Of(current), current?.Comment, imported.Value, imported.Comment);
            rows.Add(new PreviewRow(imported.Row, imported.Question.Code, imported.Question.Text,
                AnswerCells.Describe(imported.Question, AnswerValue.Of(current)), AnswerCells.Describe(imported.Question, imported.Value),
                current?.Comment, imported.Comment?.Trim() is { Length: > 0 } comment ? comment : null, status));
            if (status == PreviewStatus.Unchanged)
            {
                continue;
            }

            var change = new ExpectedAnswer(imported.Value.ToInput(imported.Question.Code, imported.Comment, current), current?.Version);
            try
            {
                // The same rules the save applies, on this copy of the assessment, which is never saved.
                assessment.RecordSupplierAnswer(change.Answer, actor, givenBy, time.UtcNow(), change.ExpectedVersion);
                changes.Add(change);
            }
            catch (DomainException refused)
            {
                problems.Add(new WorkbookProblem(WorkbookLayout.QuestionSheet, imported.Row, refused.Message));
            }
        }

        return new WorkbookPreview(assessmentId, fileName, givenBy, rows, problems, problems.Count > 0 ? [] : changes);
    }

    /// <summary>
    /// Saves the changed answers of a preview without problems, all or none, each from the version the preview showed:
    /// if someone changed one of those questions since, nothing is saved. Returns how many answers changed (none for a
    /// workbook that changes nothing, which saves nothing).
    /// </summary>
    public async Task<int> ApplyAsync(Guid assessmentId, WorkbookPreview preview, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preview);
        if (preview.AssessmentId != assessmentId)
        {
            throw new DomainException("This preview is of another assessment's workbook; import the workbook again.");
        }

        if (preview.Problems.Count > 0)
        {
            throw new DomainException("The workbook has problems, so nothing was imported. Correct them and import it again.");
        }

        if (preview.Changes.Count == 0)
        {
            return 0;
        }

        try
        {
            return (await answerQuestion.ExecuteForSupplierAsync(assessmentId, preview.Changes, preview.GivenBy, cancellationToken)).Count;
        }
        catch (StaleAnswerException stale)
        {
            throw new DomainException(
                $"Question {stale.QuestionCode} was changed by {stale.ChangedByName} after the preview, so nothing was imported. Import the workbook again to see the change in the preview.");
        }
    }

    private static PreviewStatus StatusOf(AnswerValue current, string? currentComment, AnswerValue imported, string? importedComment)
    {
        if (current.Matches(imported) && AnswerValue.SameText(currentComment, importedComment))
        {
            return PreviewStatus.Unchanged;
        }

        return (current.IsEmpty, imported.IsEmpty) switch
        {
            (true, false) => PreviewStatus.Added,
            (false, true) => PreviewStatus.Cleared,
            _ => PreviewStatus.Changed,
        };
    }

    /// <summary>"Lan Nguyen, Excel file “answers.xlsx”", or "Excel file “answers.xlsx”" for a workbook not made for an invitation.</summary>
    private static async Task<string> GivenByAsync(AppDbContext db, Assessment assessment, Guid? invitationId, string fileName, CancellationToken cancellationToken)
    {
        var contact = invitationId is { } id
            ? await db.SupplierInvitations.AsNoTracking().Where(i => i.Id == id && i.AssessmentId == assessment.Id).Select(i => i.ContactName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var prefix = contact is null ? "Excel file “" : $"{contact}, Excel file “";
        var room = Math.Max(8, GivenByMaxLength - prefix.Length - 1);
        var name = fileName.Length <= room ? fileName : fileName[..(room - 1)] + "…";
        var givenBy = $"{prefix}{name}”";
        return givenBy.Length <= GivenByMaxLength ? givenBy : givenBy[..(GivenByMaxLength - 1)] + "”";
    }

    /// <summary>The draft as an analyst who works on it may change it (read without tracking: nothing here saves it), and its supplier's name.</summary>
    private async Task<(Assessment Assessment, string SupplierName)> LoadAsync(AppDbContext db, Guid assessmentId, string doing, CancellationToken cancellationToken)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst);
        var principal = await currentUser.GetPrincipalAsync();
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Answers).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new DomainException("This assessment no longer exists.");
        var supplier = await AssessmentAccess.SupplierTeamAsync(db, assessment, cancellationToken);
        AssessmentAccess.Require(AssessmentAccess.CanEditAnswers(principal, assessment, supplier), $"{AssessmentAccess.WorkersOnly} {doing}, while the assessment is a draft.");
        return (assessment, supplier.LegalName);
    }
}
