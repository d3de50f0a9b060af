using AngleSharp.Dom;
using Bunit;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DueDiligence.Web.Tests.Questionnaires;

/// <summary>The template list: versions with their statuses and actions, discarding a draft, and what an import that failed says.</summary>
public sealed class TemplatesPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Discard_WhenTheConfirmationIsCancelled_KeepsTheDraftInTheList()
    {
        var name = await DraftAsync();
        await using var context = Admin();
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var page = Open(context);

        var clicked = Template(page, name).QuerySelector("[data-testid=discard]")!.ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Equal($"Discard the draft of “{name}”?", dialogs.Find(".confirm-title").TextContent.Trim()));
        Assert.Contains("It is the template's only version, so the template leaves the list.", dialogs.Find("[data-testid=confirm-message]").TextContent, StringComparison.Ordinal);
        await dialogs.Find("[data-testid=confirm-cancel]").ClickAsync(new());
        await clicked;

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-message]")));
        Assert.NotNull(Template(page, name));
        Assert.True(await StoredAsync(name));
    }

    [Fact]
    public async Task Discard_WhenConfirmed_TakesTheTemplateWithItsOnlyVersionOffTheList()
    {
        var name = await DraftAsync();
        await using var context = Admin();
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var page = Open(context);

        var clicked = Template(page, name).QuerySelector("[data-testid=discard]")!.ClickAsync(new());
        dialogs.WaitForElement("[data-testid=confirm-yes]");
        await dialogs.Find("[data-testid=confirm-yes]").ClickAsync(new());
        await clicked;

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-testid=template][data-name='{name}']")));
        Assert.False(await StoredAsync(name));
    }

    [Fact]
    public async Task Versions_WhenATemplateHasAPublishedVersionAndADraft_ShowEachWithItsStatusAndActions()
    {
        var name = $"Listed {Guid.NewGuid().ToString("N")[..6]}";
        var published = await app.PublishedTemplateAsync(name);
        await app.AsAdminAsync(sp => sp.GetRequiredService<TemplateCommands>().NewVersionAsync(published));
        await using var context = Admin();
        var page = Open(context);

        var template = Template(page, name);

        Assert.Equal("2 versions", template.QuerySelector(".template-facts")!.TextContent.Trim());
        Assert.Equal(["Draft", "Published"], template.QuerySelectorAll("[data-testid=template-status]").Select(s => s.TextContent.Trim()));
        Assert.NotNull(template.QuerySelector("[data-version='2'] [data-testid=discard]"));
        Assert.NotNull(template.QuerySelector("[data-version='1'] [data-testid=retire]"));
        Assert.Null(template.QuerySelector("[data-version='1'] [data-testid=discard]"));
        Assert.Null(template.QuerySelector("[data-version='1'] [data-testid=new-version]"));
    }

    [Fact]
    public async Task Import_WhenTheFileHasProblems_ShowsEachAsASentenceWithThePathInSmallPrintAfterIt()
    {
        var json = TemplateSamples.Broken(root =>
        {
            TemplateSamples.Question(root, 0, 1)["weight"] = "heavy";
            TemplateSamples.Question(root, 1, 0)["type"] = "Slider";
        });
        await using var context = Admin();
        var page = Open(context);
        page.Find("[data-testid=import-template]").Click();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(json, "short-form.json"));

        page.WaitForElement("[data-testid=import-errors]");
        Assert.StartsWith("short-form.json was not imported: 2 problems.", page.Find(".import-errors-head").TextContent.Trim(), StringComparison.Ordinal);
        var errors = page.FindAll("[data-testid=import-error]");
        Assert.Equal(
            [
                "Section 1 (Contracts), question 2 (CT-02): the weight must be a number; the file has the text “heavy”.",
                "Section 2 (Partner due diligence), question 1 (DD-01): the question type “Slider” is unknown: a question is Yes/No, Maturity 0–4, Single choice, Multiple choice, Number, Date or Text.",
            ],
            errors.Select(e => e.QuerySelector("[data-testid=import-error-text]")!.TextContent.Trim()));
        Assert.Equal("In the file: $.sections[0].questions[1].weight", Normalize(errors[0].QuerySelector("[data-testid=import-error-path]")!.TextContent));
        Assert.Equal("In the file: $.sections[1].questions[0].type", Normalize(errors[1].QuerySelector("[data-testid=import-error-path]")!.TextContent));
        Assert.Equal("The file spells the types \"YesNo\", \"Maturity\", \"SingleChoice\", \"MultipleChoice\", \"Number\", \"Date\" or \"Text\".",
            errors[1].QuerySelector("[data-testid=import-error-hint]")!.TextContent.Trim());
    }

    private ComponentContext Admin() => TemplateUi.Admin(app);

    private static IRenderedComponent<TemplatesPage> Open(ComponentContext context)
    {
        var page = context.Render<TemplatesPage>();
        page.WaitForElement("[data-testid=template]");
        return page;
    }

    private static IElement Template(IRenderedComponent<TemplatesPage> page, string name) =>
        page.Find($"[data-testid=template][data-name='{name}']");

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<string> DraftAsync()
    {
        var definition = TemplateSamples.ValidDefinition();
        definition.Name = $"List test {Guid.NewGuid().ToString("N")[..6]}";
        await app.ImportAsync(TemplateJson.Serialize(definition));
        return definition.Name;
    }

    private async Task<bool> StoredAsync(string name)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.TemplateVersions.AnyAsync(v => v.Name == name);
    }
}
