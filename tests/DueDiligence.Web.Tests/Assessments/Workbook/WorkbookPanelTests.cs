using Bunit;
using DueDiligence.Web.Features.Assessments.Workbook;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;
using static DueDiligence.Web.Tests.Assessments.Workbook.WorkbookScenarios;

namespace DueDiligence.Web.Tests.Assessments.Workbook;

/// <summary>The assessment page's Excel panel: the preview of an imported workbook, its problems, and the import after confirming.</summary>
public sealed class WorkbookPanelTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Import_ShowsThePreviewAndSavesOnlyAfterConfirming()
    {
        var id = await NewDraftAsync(app);
        var workbook = await DownloadAsync(app, id);
        var filled = WorkbookEdits.Apply(workbook.Content, w => w.Answer("DD-03", "Yes").Comment("DD-03", "One case in 2023, settled."));
        var assessment = (await LoadAsync(app, id)).Assessment;
        await using var context = ComponentContext.Create(app, Analyst, AnalystRole);
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var imported = 0;
        var panel = context.Render<QuestionnaireWorkbookPanel>(p => p.Add(c => c.Assessment, assessment).Add(c => c.Imported, () => imported++));
        Assert.Empty(panel.FindComponents<InputFile>()); // made when the tools are opened
        await panel.Find("[data-testid=workbook-tools]").TriggerEventAsync("ontoggle", EventArgs.Empty);

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(filled, "acme.xlsx"));

        panel.WaitForElement("[data-testid=workbook-summary]");
        Assert.Equal("1 answer will change, marked as given by Excel file “acme.xlsx”. Nothing is saved until you import them.",
            panel.Find("[data-testid=workbook-summary]").TextContent.Trim());
        Assert.Equal("New answer", panel.Find("[data-testid=workbook-status-DD-03]").TextContent.Trim());
        Assert.StartsWith("YesComment: One case in 2023, settled.", panel.Find("[data-testid=workbook-new-DD-03]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null((await LoadAsync(app, id)).Assessment.AnswerTo("DD-03"));

        var clicked = panel.Find("[data-testid=workbook-apply]").ClickAsync(new());
        dialogs.WaitForElement("[data-testid=confirm-yes]");
        await dialogs.Find("[data-testid=confirm-yes]").ClickAsync(new());
        await clicked;

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=workbook-preview]")));
        Assert.Equal(1, imported);
        Assert.True((await LoadAsync(app, id)).Assessment.AnswerTo("DD-03")!.YesNo);
    }

    [Fact]
    public async Task Import_OfABadWorkbook_ListsEveryProblemWithItsPlaceAndOffersNoImport()
    {
        var id = await NewDraftAsync(app);
        var workbook = await DownloadAsync(app, id);
        var rows = (0, 0);
        var filled = WorkbookEdits.Apply(workbook.Content, w =>
        {
            rows = (w.RowOf("DD-03"), w.RowOf("DD-01"));
            w.Answer("DD-03", "Perhaps").Answer("DD-01", "about ten");
        });
        var assessment = (await LoadAsync(app, id)).Assessment;
        await using var context = ComponentContext.Create(app, Analyst, AnalystRole);
        var panel = context.Render<QuestionnaireWorkbookPanel>(p => p.Add(c => c.Assessment, assessment));
        await panel.Find("[data-testid=workbook-tools]").TriggerEventAsync("ontoggle", EventArgs.Empty);

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(filled, "acme.xlsx"));

        panel.WaitForElement("[data-testid=workbook-problems]");
        var problems = panel.FindAll("[data-testid=workbook-problems] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(
            [
                $"Sheet “Questionnaire”, row {rows.Item2}: “about ten” is not a number; write the number alone, such as 12 or 3.5.",
                $"Sheet “Questionnaire”, row {rows.Item1}: “Perhaps” is not one of the choices for DD-03; choose one of: Yes; No.",
            ],
            problems);
        Assert.Empty(panel.FindAll("[data-testid=workbook-apply]"));
    }
}
