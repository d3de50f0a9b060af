using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments.Workbook;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Assessments.Workbook;

/// <summary>The questionnaire workbook's use case as the assessment page calls it, and what it leaves in the database.</summary>
internal static class WorkbookScenarios
{
    public static Task<WorkbookFile> DownloadAsync(AppFactory app, Guid assessmentId, string[]? sections = null, Guid? invitationId = null, string user = Analyst, string[]? roles = null) =>
        app.AsUserAsync(user, roles ?? AnalystRole, s => s.GetRequiredService<QuestionnaireWorkbook>().DownloadAsync(assessmentId, invitationId, sections));

    public static Task<WorkbookPreview> PreviewAsync(AppFactory app, Guid assessmentId, byte[] content, string fileName = "answers.xlsx", string user = Analyst, string[]? roles = null) =>
        app.AsUserAsync(user, roles ?? AnalystRole, s => s.GetRequiredService<QuestionnaireWorkbook>().PreviewAsync(assessmentId, fileName, new MemoryStream(content)));

    public static Task<int> ApplyAsync(AppFactory app, Guid assessmentId, WorkbookPreview preview, string user = Analyst) =>
        app.AsUserAsync(user, AnalystRole, s => s.GetRequiredService<QuestionnaireWorkbook>().ApplyAsync(assessmentId, preview));

    /// <summary>How many audit events exist: an import that changes nothing adds none.</summary>
    public static async Task<int> AuditEventCountAsync(AppFactory app)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.AuditEvents.CountAsync();
    }

    /// <summary>The assessment's version and every answer's version, which any save moves on.</summary>
    public static async Task<(Guid Assessment, Dictionary<string, Guid> Answers)> VersionsAsync(AppFactory app, Guid assessmentId)
    {
        await using var db = await app.CreateDbContextAsync();
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Answers).FirstAsync(a => a.Id == assessmentId);
        return (assessment.Version, assessment.Answers.ToDictionary(a => a.QuestionCode, a => a.Version));
    }

    /// <summary>An answer of every kind, with comments, as the analyst typed them in the wizard.</summary>
    public static async Task AnswerSomeAsync(AppFactory app, Guid assessmentId)
    {
        AnswerInput[] answers =
        [
            new() { QuestionCode = "DD-01", Number = 7.25, Comment = "Founded in 2018;\nmoulding since 2019." },
            new() { QuestionCode = "DD-03", YesNo = false },
            new() { QuestionCode = "DS-04", Maturity = 3 },
            new() { QuestionCode = "CT-03", OptionCodes = ["ARBITRATION"] },
            new() { QuestionCode = "CT-04", OptionCodes = ["INTERIM", "RETURN"] },
            new() { QuestionCode = "DD-07", Date = new DateOnly(2029, 12, 31), EvidenceJustification = "Licence checked in the public register." },
            new() { QuestionCode = "DD-08", Text = "Family-owned;\r\nno state shareholding.", ManualRating = 0.75 },
            new() { QuestionCode = "IP-03", NotApplicable = true, Comment = "No design is shared." },
        ];
        foreach (var answer in answers)
        {
            await AnswerAsync(app, assessmentId, answer);
        }
    }
}
