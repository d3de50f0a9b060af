using Bunit;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Tests.Infrastructure;

namespace DueDiligence.Web.Tests.Questionnaires;

/// <summary>The preview of a version: the questionnaire as an analyst will see it.</summary>
public sealed class TemplatePreviewTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Preview_WhenTheTemplateHasSeveralSections_NumbersEachSectionInOrder()
    {
        var definition = TemplateSamples.ValidDefinition();
        definition.Name = $"Preview test {Guid.NewGuid().ToString("N")[..6]}";
        var id = (await app.ImportAsync(TemplateJson.Serialize(definition))).Id!.Value;
        await using var context = TemplateUi.Admin(app);

        var preview = context.Render<TemplatePreviewPage>(p => p.Add(x => x.Id, id));

        preview.WaitForElement("[data-testid=questionnaire-preview]");
        Assert.Equal($"Preview: {definition.Name}", preview.Find("[data-testid=preview-title]").TextContent.Trim());
        Assert.Equal(["1. Contracts", "2. Partner due diligence"], preview.FindAll(".section-title").Select(h => h.TextContent.Trim()));
        Assert.Equal(["CT · weight 60 · 2 questions", "DD · weight 40 · 1 question"], preview.FindAll(".section-facts").Select(f => f.TextContent.Trim()));
        Assert.Contains("It shows the last saved state of the draft.", preview.Find(".preview-note").TextContent, StringComparison.Ordinal);
    }
}
