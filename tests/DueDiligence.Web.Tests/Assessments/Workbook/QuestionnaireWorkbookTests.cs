using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Features.Assessments.Portal;
using DueDiligence.Web.Features.Assessments.Workbook;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;
using static DueDiligence.Web.Tests.Assessments.Workbook.WorkbookScenarios;

namespace DueDiligence.Web.Tests.Assessments.Workbook;

/// <summary>The Excel round-trip: a downloaded workbook read back unchanged changes nothing; a filled-in one imports its answers as the supplier's.</summary>
public sealed class QuestionnaireWorkbookTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Import_WhenTheDownloadedWorkbookComesBackUnchanged_ChangesNothing()
    {
        var id = await NewDraftAsync(app);
        await AnswerSomeAsync(app, id);
        var workbook = await DownloadAsync(app, id);
        var eventsBefore = await AuditEventCountAsync(app);
        var versionsBefore = await VersionsAsync(app, id);

        var preview = await PreviewAsync(app, id, workbook.Content);
        var imported = await ApplyAsync(app, id, preview);

        Assert.Empty(preview.Problems);
        Assert.Equal(57, preview.Rows.Count);
        Assert.All(preview.Rows, row => Assert.Equal(PreviewStatus.Unchanged, row.Status));
        Assert.Empty(preview.Changes);
        Assert.Equal(0, imported);
        Assert.Equal(eventsBefore, await AuditEventCountAsync(app));
        var versionsAfter = await VersionsAsync(app, id);
        Assert.Equal(versionsBefore.Assessment, versionsAfter.Assessment);
        Assert.Equal(versionsBefore.Answers, versionsAfter.Answers);
    }

    [Fact]
    public async Task Download_GivesAValidWorkbookWithProtectedStructureAndAVeryHiddenCheckSheet()
    {
        var id = await NewDraftAsync(app);
        await AnswerSomeAsync(app, id);

        var workbook = await DownloadAsync(app, id);

        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook.Content), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        var book = document.WorkbookPart!.Workbook!;
        Assert.True(book.WorkbookProtection?.LockStructure?.Value);
        var sheets = book.Sheets!.Elements<Sheet>().ToDictionary(s => s.Name!.Value!, s => s.State?.Value);
        Assert.Equal(3, sheets.Count);
        Assert.Null(sheets["Questionnaire"]);
        Assert.Equal(SheetStateValues.Hidden, sheets["Choices"]);
        Assert.Equal(SheetStateValues.VeryHidden, sheets["Check"]);
        Assert.StartsWith("questionnaire-test-supplier-", workbook.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenTheSupplierFilledTheWorkbook_SavesItsAnswersMarkedAsTheSuppliersUntilAccepted()
    {
        var id = await NewDraftAsync(app);
        await AnswerAsync(app, id, new AnswerInput { QuestionCode = "DS-04", Maturity = 1, EvidenceJustification = "Seen on the site visit." });
        var template = (await DefaultTemplateAsync(app)).Definition;
        var options = template.Sections.SelectMany(s => s.Questions).ToDictionary(q => q.Code, q => q.Options);
        var workbook = await DownloadAsync(app, id);
        var filled = WorkbookEdits.Apply(workbook.Content, w => w
            .Answer("DD-03", "No")
            .Answer("DS-04", "Level 3 (Managed)").Comment("DS-04", "Quarterly access reviews since 2024.")
            .Answer("CT-03", options["CT-03"][0].Label)
            .Answer("CT-04", $"{options["CT-04"][1].Label}; {options["CT-04"][3].Label}")
            .AnswerNumber("DD-01", 12)
            .Answer("DD-07", "2029-12-31")
            .Answer("DD-08", "Family-owned; no state shareholding.")
            .Answer("IP-03", "Not applicable"));
        var eventsBefore = await AuditEventCountAsync(app);

        var preview = await PreviewAsync(app, id, filled, "Acme answers.xlsx");
        var imported = await ApplyAsync(app, id, preview);

        Assert.Empty(preview.Problems);
        Assert.Equal(PreviewStatus.Added, preview.Rows.Single(r => r.QuestionCode == "DD-03").Status);
        var maturity = preview.Rows.Single(r => r.QuestionCode == "DS-04");
        Assert.Equal((PreviewStatus.Changed, "Level 1 (Initial)", "Level 3 (Managed)"), (maturity.Status, maturity.CurrentAnswer, maturity.NewAnswer));
        Assert.Equal(8, imported);
        var saved = (await LoadAsync(app, id)).Assessment;
        Assert.False(saved.AnswerTo("DD-03")!.YesNo);
        Assert.Equal(3, saved.AnswerTo("DS-04")!.Maturity);
        Assert.Equal("Quarterly access reviews since 2024.", saved.AnswerTo("DS-04")!.Comment);
        Assert.Equal("Seen on the site visit.", saved.AnswerTo("DS-04")!.EvidenceJustification);
        Assert.Equal([options["CT-03"][0].Code], saved.AnswerTo("CT-03")!.OptionCodes);
        Assert.Equal([options["CT-04"][1].Code, options["CT-04"][3].Code], saved.AnswerTo("CT-04")!.OptionCodes);
        Assert.Equal(12, saved.AnswerTo("DD-01")!.Number);
        Assert.Equal(new DateOnly(2029, 12, 31), saved.AnswerTo("DD-07")!.Date);
        Assert.Equal("Family-owned; no state shareholding.", saved.AnswerTo("DD-08")!.Text);
        Assert.True(saved.AnswerTo("IP-03")!.NotApplicable);
        Assert.All(preview.Changes, change =>
        {
            var answer = saved.AnswerTo(change.Answer.QuestionCode)!;
            Assert.Equal("Excel file “Acme answers.xlsx”", answer.GivenByContact);
            Assert.True(answer.AwaitsAcceptance);
            Assert.Equal(Analyst, answer.UpdatedByName);
        });
        Assert.True(await AuditEventCountAsync(app) > eventsBefore);
    }

    [Fact]
    public async Task Import_OfAWorkbookForAnInvitation_TakesOnlyItsSectionsAndNamesTheContact()
    {
        var id = await NewDraftAsync(app);
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var links = await app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SupplierInvitations>()
            .InviteAsync(id, [new InviteeInput(null, "Lan Nguyen", "lan.nguyen@supplier.example")], ["DS"], today.AddDays(14)));
        var workbook = await DownloadAsync(app, id, invitationId: links[0].InvitationId);
        var codes = ReadCodes(workbook.Content);
        var filled = WorkbookEdits.Apply(workbook.Content, w => w.Answer("DS-01", "Yes"));

        var preview = await PreviewAsync(app, id, filled, "lan.xlsx");
        await ApplyAsync(app, id, preview);

        Assert.Equal(["DS-01", "DS-02", "DS-03", "DS-04", "DS-05", "DS-06", "DS-07", "DS-08", "DS-09"], codes);
        Assert.Equal("Lan Nguyen, Excel file “lan.xlsx”", (await LoadAsync(app, id)).Assessment.AnswerTo("DS-01")!.GivenByContact);
    }

    [Fact]
    public async Task Apply_WhenSomeoneChangedAQuestionAfterThePreview_SavesNothing()
    {
        var id = await NewDraftAsync(app);
        var first = await AnswerAsync(app, id, new AnswerInput { QuestionCode = "DS-04", Maturity = 1 });
        var workbook = await DownloadAsync(app, id);
        var preview = await PreviewAsync(app, id, WorkbookEdits.Apply(workbook.Content, w => w.Answer("DD-03", "Yes").Answer("DS-04", "Level 4 (Optimised)")));
        await AnswerAsync(app, id, new AnswerInput { QuestionCode = "DS-04", Maturity = 2 }, expectedVersion: first.Version);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => ApplyAsync(app, id, preview));

        Assert.Equal($"Question DS-04 was changed by {Analyst} after the preview, so nothing was imported. Import the workbook again to see the change in the preview.", refusal.Message);
        var kept = (await LoadAsync(app, id)).Assessment;
        Assert.Equal(2, kept.AnswerTo("DS-04")!.Maturity);
        Assert.Null(kept.AnswerTo("DD-03"));
    }

    private static List<string> ReadCodes(byte[] workbook)
    {
        List<string> codes = [];
        WorkbookEdits.Apply(workbook, w => codes.AddRange(w.Codes()));
        return codes;
    }
}
