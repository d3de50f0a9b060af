using Bunit;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DueDiligence.Web.Tests.Questionnaires;

/// <summary>The template editor as an administrator uses it: live messages next to the fields, and confirmations before what cannot be undone.</summary>
public sealed class TemplateEditorTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string WeightError = "[data-testid=field-error][data-path='sections[0].questions[0].weight']";

    [Fact]
    public async Task QuestionWeight_WhenSetToZeroAndThenFixed_ShowsAndClearsTheMessageNextToTheWeight()
    {
        var id = await DraftAsync();
        await using var context = Admin();
        var editor = await OpenAsync(context, id);
        OpenFirstQuestion(editor);

        await editor.Find("[data-testid=question-weight]").ChangeAsync(new ChangeEventArgs { Value = "0" });

        editor.WaitForAssertion(() => Assert.Equal("Question weight must be above 0 and at most 1000 (it is 0).", editor.Find(WeightError).TextContent.Trim()));
        Assert.Contains("has-error", WeightField(editor).ClassList);
        Assert.Equal("1 problem", editor.Find("[data-testid=error-count]").TextContent.Trim());
        Assert.Equal("1 problem", editor.Find("[data-testid=question-error-count]").TextContent.Trim());
        Assert.Contains("Section 1 (Contracts), question 1 (CT-01): question weight must be above 0 and at most 1000 (it is 0).",
            editor.Find("[data-testid=error-summary-item]").TextContent, StringComparison.Ordinal);
        Assert.True(editor.Find("[data-testid=publish]").HasAttribute("disabled"));

        await editor.Find("[data-testid=question-weight]").ChangeAsync(new ChangeEventArgs { Value = "2.5" });

        editor.WaitForAssertion(() => Assert.Empty(editor.FindAll(WeightError)));
        Assert.DoesNotContain("has-error", WeightField(editor).ClassList);
        Assert.Equal("No problems", editor.Find("[data-testid=error-count]").TextContent.Trim());
        Assert.Equal("Unsaved changes", editor.Find("[data-testid=save-state] .unsaved").TextContent.Trim());
        Assert.False(editor.Find("[data-testid=publish]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task QuestionWeight_WhenSetAboveTheBoundOfTheScoringPolicy_ShowsTheBoundNextToTheWeightAndBlocksPublishing()
    {
        var id = await DraftAsync();
        await using var context = Admin();
        var editor = await OpenAsync(context, id);
        OpenFirstQuestion(editor);

        await editor.Find("[data-testid=question-weight]").ChangeAsync(new ChangeEventArgs { Value = "1001" });

        editor.WaitForAssertion(() => Assert.Equal("Question weight must be above 0 and at most 1000 (it is 1001).", editor.Find(WeightError).TextContent.Trim()));
        Assert.True(editor.Find("[data-testid=publish]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task TemplateName_WhenCleared_ShowsTheMessageUnderTheNameAtOnce()
    {
        var id = await DraftAsync();
        await using var context = Admin();
        var editor = await OpenAsync(context, id);

        await editor.Find("[data-testid=template-name]").InputAsync(new ChangeEventArgs { Value = "" });

        editor.WaitForAssertion(() => Assert.Equal("Give the template a name.", editor.Find("[data-testid=field-error][data-path=name]").TextContent.Trim()));
        Assert.Equal("Untitled template", editor.Find("[data-testid=template-title]").TextContent.Trim());
    }

    [Fact]
    public async Task DiscardDraft_WhenTheConfirmationIsCancelled_KeepsTheDraftAndTheEdits()
    {
        var id = await DraftAsync();
        await using var context = Admin();
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var editor = await OpenAsync(context, id);
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        var address = navigation.Uri;
        await editor.Find("[data-testid=template-name]").InputAsync(new ChangeEventArgs { Value = "Renamed, not saved" });

        var clicked = editor.Find("[data-testid=discard-draft]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Version 1 and every change saved in it are deleted; this cannot be undone. Your unsaved changes are lost as well.",
            dialogs.Find("[data-testid=confirm-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Discard draft", dialogs.Find("[data-testid=confirm-yes]").TextContent.Trim());
        await dialogs.Find("[data-testid=confirm-cancel]").ClickAsync(new());
        await clicked;

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-message]")));
        Assert.True(await ExistsAsync(id));
        Assert.Equal("Renamed, not saved", editor.Find("[data-testid=template-title]").TextContent.Trim());
        Assert.Equal(address, navigation.Uri);
    }

    [Fact]
    public async Task DiscardDraft_WhenConfirmed_DeletesTheDraftAndReturnsToTheList()
    {
        var id = await DraftAsync();
        await using var context = Admin();
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var editor = await OpenAsync(context, id);

        var clicked = editor.Find("[data-testid=discard-draft]").ClickAsync(new());
        dialogs.WaitForElement("[data-testid=confirm-yes]");
        await dialogs.Find("[data-testid=confirm-yes]").ClickAsync(new());
        await clicked;

        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        editor.WaitForAssertion(() => Assert.EndsWith("/admin/templates", navigation.Uri, StringComparison.Ordinal));
        Assert.False(await ExistsAsync(id));
    }

    [Fact]
    public async Task Publish_WhenTheConfirmationIsCancelled_LeavesTheDraftEditable()
    {
        var id = await DraftAsync();
        await using var context = Admin();
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var editor = await OpenAsync(context, id);

        var clicked = editor.Find("[data-testid=publish]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("it can no longer be edited", dialogs.Find("[data-testid=confirm-message]").TextContent, StringComparison.Ordinal));
        await dialogs.Find("[data-testid=confirm-cancel]").ClickAsync(new());
        await clicked;

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-message]")));
        Assert.Equal(TemplateStatus.Draft, (await app.StoredAsync(id)).Status);
        Assert.NotEmpty(editor.FindAll("[data-testid=save-draft]"));
    }

    [Fact]
    public async Task Publish_WhenConfirmed_PublishesAndShowsTheVersionReadOnly()
    {
        var id = await DraftAsync();
        await using var context = Admin();
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var editor = await OpenAsync(context, id);

        var clicked = editor.Find("[data-testid=publish]").ClickAsync(new());
        dialogs.WaitForElement("[data-testid=confirm-yes]");
        await dialogs.Find("[data-testid=confirm-yes]").ClickAsync(new());
        await clicked;

        editor.WaitForAssertion(() => Assert.Contains("so it is read-only", editor.Find("[data-testid=read-only-note]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Published", editor.Find("[data-testid=template-status]").TextContent.Trim());
        Assert.Empty(editor.FindAll("[data-testid=template-read-only] input, [data-testid=template-read-only] textarea"));
        Assert.Equal(TemplateStatus.Published, (await app.StoredAsync(id)).Status);
    }

    private ComponentContext Admin() => TemplateUi.Admin(app);

    // The field around the weight input: outlined in red while it has a problem.
    private static AngleSharp.Dom.IElement WeightField(IRenderedComponent<TemplateEditorPage> editor) =>
        editor.Find("[data-testid=question-weight]").Closest(".field")!;

    private async Task<Guid> DraftAsync()
    {
        var definition = TemplateSamples.ValidDefinition();
        definition.Name = $"Editor test {Guid.NewGuid().ToString("N")[..6]}";
        return (await app.ImportAsync(TemplateJson.Serialize(definition))).Id!.Value;
    }

    private static Task<IRenderedComponent<TemplateEditorPage>> OpenAsync(ComponentContext context, Guid id)
    {
        var editor = context.Render<TemplateEditorPage>(p => p.Add(x => x.Id, id));
        editor.WaitForElement("[data-testid=error-summary]");
        return Task.FromResult(editor);
    }

    private static void OpenFirstQuestion(IRenderedComponent<TemplateEditorPage> editor)
    {
        editor.Find("[data-testid=toggle-section]").Click();
        editor.WaitForElement("[data-testid=toggle-question]").Click();
        editor.WaitForElement("[data-testid=question-weight]");
    }

    private async Task<bool> ExistsAsync(Guid id)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.TemplateVersions.AnyAsync(v => v.Id == id);
    }
}
