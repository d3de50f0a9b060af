using System.Net;
using Bunit;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Assessments;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Questionnaires;
using DueDiligence.Web.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security;

/// <summary>
/// The attack: a template with weights of 1e308 was imported and published, and its assessments scored NaN, which read
/// as "Low · Proceed" in the app and the PDF. Weights and points are bounded (SCORING.md §6, ipdd-2026.2) on import
/// (<see cref="TemplateImportTests"/>), in the editor and on publication, and a non-finite figure is an error, never a tier.
/// </summary>
public sealed class TemplateFigureBoundsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string CannotBeScored = "This assessment cannot be scored: its control score is not a finite number (NaN), and no risk tier is ever given from such a figure.";

    [Fact]
    public async Task Import_OfATemplateWithWeightsOf1e308_IsRefusedWithTheBoundAndStoresNothing()
    {
        var before = await app.StoredVersionCountAsync();
        var attack = TemplateSamples.Broken(root =>
        {
            root["sections"]![0]!["weight"] = 1e308;
            root["sections"]![1]!["weight"] = 1e308;
        });

        var result = await app.ImportAsync(attack);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "Section 1 (Contracts): section weight must be above 0 and at most 1000 (it is 1E+308).",
                "Section 2 (Partner due diligence): section weight must be above 0 and at most 1000 (it is 1E+308).",
            ],
            result.Errors.Select(e => e.Sentence));
        Assert.Equal(before, await app.StoredVersionCountAsync());
    }

    [Fact]
    public async Task Publish_OfADraftSavedWithAWeightOf1e308_IsRefusedAndTheDraftStaysADraft()
    {
        var imported = await app.ImportAsync(TemplateSamples.ValidJson);
        var id = imported.Id!.Value;
        var draft = await app.StoredAsync(id);
        var edited = draft.Definition;
        edited.Sections[0].Questions[0].Weight = 1e308;
        var stamp = await Commands(c => c.SaveDraftAsync(id, draft.EditStamp, edited));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Commands(c => c.PublishAsync(id, stamp)));

        Assert.Equal(
            "The template cannot be published until these problems are fixed: Section 1 (Contracts), question 1 (CT-01): question weight must be above 0 and at most 1000 (it is 1E+308).",
            refusal.Message);
        Assert.Equal(TemplateStatus.Draft, (await app.StoredAsync(id)).Status);
    }

    [Fact]
    public async Task AssessmentOnAQuestionnairePublishedBeforeTheBounds_ShowsWhyItCannotBeScoredOnThePageNeverLowProceed()
    {
        var id = await OverflowingAssessmentAsync();
        await using var context = ComponentContext.Create(app, AssessmentScenarios.Analyst, AppRoles.Analyst);

        var page = context.Render<AssessmentPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.StartsWith(CannotBeScored, page.Find("[data-testid=assessment-refusal]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.DoesNotContain("Proceed", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=score-panel]"));
    }

    [Fact]
    public async Task RiskSummaryOfAnAssessmentOnAQuestionnairePublishedBeforeTheBounds_IsRefusedWithWhyNeverPrintedWithATier()
    {
        var id = await OverflowingAssessmentAsync();
        using var client = await app.SignInAsync("executive@demo.local", "Demo-Executive-2026");

        var response = await client.GetAsync($"/assessments/{id}/report.pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The risk summary could not be produced", page, StringComparison.Ordinal);
        Assert.Contains(CannotBeScored, page, StringComparison.Ordinal);
    }

    /// <summary>
    /// A fully answered assessment whose copy of the questionnaire has section weights of 1e308, as one started on the
    /// attacker's version before this release holds: Σ W × S overflows to infinity and C = ∞ / ∞ = NaN.
    /// </summary>
    private async Task<Guid> OverflowingAssessmentAsync()
    {
        var id = await AssessmentScenarios.NewDraftAsync(app);
        await AssessmentScenarios.AnswerEverythingAsync(app, id);
        await using var db = await app.CreateDbContextAsync();
        var assessment = await db.Assessments.SingleAsync(a => a.Id == id);
        var template = assessment.Template;
        template.Sections.ForEach(s => s.Weight = 1e308);
        db.Entry(assessment).Property(a => a.Template).CurrentValue = template;
        await db.SaveChangesAsync();
        return id;
    }

    private Task<T> Commands<T>(Func<TemplateCommands, Task<T>> work) =>
        app.AsAdminAsync(sp => work(sp.GetRequiredService<TemplateCommands>()));
}
