using System.IO.Compression;
using System.Text;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Features.Assessments.Workbook;
using DueDiligence.Web.Tests.Infrastructure;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;
using static DueDiligence.Web.Tests.Assessments.Workbook.WorkbookScenarios;

namespace DueDiligence.Web.Tests.Assessments.Workbook;

/// <summary>Every kind of bad workbook is refused with its place and a plain sentence, and nothing is stored.</summary>
public sealed class MalformedWorkbookTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Preview_WhenOneCellIsAnUnknownChoice_NamesItsSheetAndRowAndNothingIsStored()
    {
        var id = await NewDraftAsync(app);
        var workbook = await DownloadAsync(app, id);
        var row = 0;
        var filled = WorkbookEdits.Apply(workbook.Content, w =>
        {
            row = w.RowOf("DS-04");
            w.Answer("DD-03", "Yes").Answer("DS-04", "Very mature");
        });
        var eventsBefore = await AuditEventCountAsync(app);

        var preview = await PreviewAsync(app, id, filled);

        var problem = Assert.Single(preview.Problems);
        Assert.Equal(("Questionnaire", (int?)row), (problem.Sheet, problem.Row));
        Assert.Equal($"Sheet “Questionnaire”, row {row}: “Very mature” is not one of the choices for DS-04; choose one of: "
                     + "Level 0 (None); Level 1 (Initial); Level 2 (Defined); Level 3 (Managed); Level 4 (Optimised).", problem.ToString());
        Assert.False(preview.CanApply);
        await Assert.ThrowsAsync<DomainException>(() => ApplyAsync(app, id, preview));
        Assert.Null((await LoadAsync(app, id)).Assessment.AnswerTo("DD-03"));
        Assert.Equal(eventsBefore, await AuditEventCountAsync(app));
    }

    [Fact]
    public async Task Preview_WhenAQuestionCodeWasEdited_NamesTheRow()
    {
        var id = await NewDraftAsync(app);
        var workbook = await DownloadAsync(app, id);
        var row = 0;
        var edited = WorkbookEdits.Apply(workbook.Content, w => w.SetText("Questionnaire", row = w.RowOf("DD-02"), "G", "XX-99"));

        var preview = await PreviewAsync(app, id, edited);

        Assert.Contains(preview.Problems, p => p.Row == row && p.Message.StartsWith("The hidden question code “XX-99” is not a question of this questionnaire", StringComparison.Ordinal));
        Assert.Contains(preview.Problems, p => p.Message.StartsWith("The row of question DD-02 is missing", StringComparison.Ordinal));
        Assert.Empty(preview.Changes);
    }

    [Fact]
    public async Task Preview_WhenARowAnswersAQuestionOutsideTheWorkbooksSections_SaysSo()
    {
        var id = await NewDraftAsync(app);
        var workbook = await DownloadAsync(app, id, sections: ["DS"]);
        var row = 0;
        var edited = WorkbookEdits.Apply(workbook.Content, w => w.SetText("Questionnaire", row = w.RowOf("DS-02"), "G", "CT-03"));

        var preview = await PreviewAsync(app, id, edited);

        Assert.Contains(preview.Problems, p => p.Row == row
            && p.Message == "Question CT-03 is not in the sections this workbook was made for (DS): answers are imported only for the questions the workbook was downloaded with.");
    }

    [Fact]
    public async Task Preview_WhenTheProtectedStructureWasChanged_SaysWhatChanged()
    {
        var id = await NewDraftAsync(app);
        var workbook = await DownloadAsync(app, id);
        var edited = WorkbookEdits.Apply(workbook.Content, w => w
            .SetText("Questionnaire", 1, "E", "Answer")
            .SetText("Questionnaire", w.RowOf("DD-04"), "B", "Is the supplier nice?")
            .DeleteRow("DD-05"));

        var messages = (await PreviewAsync(app, id, edited)).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains(messages, m => m.StartsWith("Sheet “Questionnaire”, row 1: Column E is headed “Answer” instead of “Your answer”", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("The text of question DD-04 was changed (protected structure changed)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("The row of question DD-05 is missing: rows were deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preview_WhenTheHiddenCheckSheetIsMissing_SaysTheWorkbookCannotBeMatched()
    {
        var id = await NewDraftAsync(app);
        var workbook = await DownloadAsync(app, id);

        var preview = await PreviewAsync(app, id, WorkbookEdits.Apply(workbook.Content, w => w.RemoveSheet("Check")));

        Assert.StartsWith("The workbook's hidden check data is missing, so it cannot be matched to this assessment", Assert.Single(preview.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WhenTheWorkbookIsAnotherAssessments_RefusesIt()
    {
        var other = await NewDraftAsync(app);
        var id = await NewDraftAsync(app);
        var workbook = await DownloadAsync(app, other);

        var preview = await PreviewAsync(app, id, WorkbookEdits.Apply(workbook.Content, w => w.Answer("DD-03", "Yes")));

        Assert.StartsWith("This workbook was made for another assessment, not for this assessment of Test Supplier", Assert.Single(preview.Problems).Message, StringComparison.Ordinal);
        Assert.Empty(preview.Changes);
    }

    [Fact]
    public async Task Preview_WhenTheWorkbookWasMadeFromAnotherQuestionnaireVersion_SaysTheQuestionnaireChanged()
    {
        var id = await NewDraftAsync(app);
        var workbook = await DownloadAsync(app, id);
        var older = WorkbookEdits.Apply(workbook.Content, w => w
            .SetCheck("Questionnaire version id", Guid.NewGuid().ToString())
            .SetCheck("Questionnaire", "IP risk, version 0"));

        var message = Assert.Single((await PreviewAsync(app, id, older)).Problems).Message;

        Assert.StartsWith("The workbook was made from the questionnaire “IP risk, version 0”, but this assessment uses ", message, StringComparison.Ordinal);
        Assert.Contains("the questionnaire changed", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WhenTheHiddenValuesWereEdited_TheCheckValueRefusesThem()
    {
        var id = await NewDraftAsync(app);
        var workbook = await DownloadAsync(app, id, sections: ["DS"]);

        var preview = await PreviewAsync(app, id, WorkbookEdits.Apply(workbook.Content, w => w.SetCheck("Sections", "DS,CT")));

        Assert.StartsWith("The workbook's hidden check value does not match its hidden data", Assert.Single(preview.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WhenTheFileIsNotAZip_SaysItIsNotAWorkbook()
    {
        var id = await NewDraftAsync(app);

        var preview = await PreviewAsync(app, id, Encoding.UTF8.GetBytes("Question;Answer\nDD-03;Yes\n"), "answers.xlsx");

        Assert.Equal("“answers.xlsx” is named .xlsx but its content is not an Excel workbook: it is plain text.", Assert.Single(preview.Problems).Message);
    }

    [Fact]
    public async Task Preview_WhenTheFileIsAZipButNotAWorkbook_SaysWhatItIs()
    {
        var id = await NewDraftAsync(app);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var writer = new StreamWriter(await zip.CreateEntry("answers.txt").OpenAsync());
            await writer.WriteAsync("DD-03: Yes");
        }

        var preview = await PreviewAsync(app, id, buffer.ToArray(), "answers.xlsx");

        Assert.StartsWith("“answers.xlsx” is named .xlsx but its content is not an Excel workbook: it is a ZIP archive", Assert.Single(preview.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WhenTheFileIsNotAnXlsx_AsksForTheWorkbook()
    {
        var id = await NewDraftAsync(app);
        var workbook = await DownloadAsync(app, id);

        var preview = await PreviewAsync(app, id, workbook.Content, "answers.pdf");

        Assert.Equal("“answers.pdf” is not an Excel workbook: choose the .xlsx file.", Assert.Single(preview.Problems).Message);
    }

    [Fact]
    public async Task Preview_WhenTheFileIsTooLarge_RefusesItBeforeReadingIt()
    {
        var id = await NewDraftAsync(app);

        var preview = await PreviewAsync(app, id, new byte[(25 * 1024 * 1024) + 1], "answers.xlsx");

        Assert.Equal("“answers.xlsx” is larger than the limit of 25 MB.", Assert.Single(preview.Problems).Message);
    }
}
