using Bunit;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Portal;
using DueDiligence.Web.Features.Assessments.Threads;
using DueDiligence.Web.Components.Shared.Questionnaire;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Xunit.Abstractions;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Performance;

/// <summary>
/// What an open assessment page holds in its circuit, counted in components (each keeps the frames of its last two renders):
/// a change that adds components to every question fails here. Heap figures: docs/benchmarks.md (bench "circuits").
/// </summary>
public sealed class WizardComponentBudgetTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    /// <summary>
    /// The page with its panels and the first section of the default template (8 questions), without the layout: 256 on
    /// 2026-12-05, once each question's choices and comment were drawn in plain HTML and the empty conversation boxes no
    /// longer made; 145 once the date fields were the browser's and the portal's invitation form was made on opening; 130
    /// once the comment and the justification were one component each (PlainTextArea) and the evidence buttons drawn; 104
    /// once the Excel questionnaire's tools were made on opening; 69 on 2026-12-06, once the text answer, its rating and the
    /// number were drawn, and the wizard's buttons and the score's question links too; 59 later that day, once the risk
    /// badges and figures were markup in the page that shows them (LevelBadge.For, Figure.For); 60 once the rating of
    /// the section's text question was a PlainSelect.
    /// </summary>
    private const int PageComponents = 62;

    [Fact]
    public async Task AssessmentPage_FirstSectionOfADraft_StaysWithinItsComponentBudgetAndMakesNoEmptyConversationBoxes()
    {
        var id = await NewDraftAsync(app);
        await using var context = ComponentContext.Create(app, Analyst, AppRoles.Analyst);

        var page = context.Render<AssessmentPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=section-steps] button")), TimeSpan.FromSeconds(20));

        var components = page.FindComponents<IComponent>().Select(c => c.Instance.GetType()).ToList();
        foreach (var type in components.GroupBy(t => t.IsGenericType ? t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)] : t.Name).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"{type.Count(),4} {type.Key}");
        }

        Assert.Empty(page.FindComponents<SupplierAnswerBox>());
        Assert.Empty(page.FindComponents<InternalThreadBox>());
        Assert.True(components.Count <= PageComponents, $"The assessment page has {components.Count} components (budget {PageComponents}).");
    }

    /// <summary>
    /// A save re-renders the question it saved, the wizard and the score, not the section's other questions: a component
    /// that renders again keeps a second set of frames, and its render costs the save's time.
    /// </summary>
    [Fact]
    public async Task SavingOneAnswer_RendersThatQuestionAgain_AndNotTheOthersOfTheSection()
    {
        var id = await NewDraftAsync(app);
        await using var context = ComponentContext.Create(app, Analyst, AppRoles.Analyst);
        var page = context.Render<AssessmentPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=section-steps] button")), TimeSpan.FromSeconds(20));
        var questions = page.FindComponents<QuestionInput>();
        var answered = questions.First(q => q.FindAll("input[type=radio]").Count > 0);
        var others = questions.Where(q => q != answered).Select(q => (q.Instance.Question.Code, Renders: q.RenderCount)).ToList();
        Assert.NotEmpty(others);

        answered.Find("input[type=radio]").Change(true);

        var code = answered.Instance.Question.Code;
        page.WaitForAssertion(() => Assert.Equal("saved", page.Find($"[data-testid=save-state-{code}]").GetAttribute("data-state")), TimeSpan.FromSeconds(20));
        Assert.True(answered.RenderCount > 1, "The saved question shows that it is saved.");
        foreach (var (other, renders) in others)
        {
            Assert.Equal(renders, page.FindComponents<QuestionInput>().Single(q => q.Instance.Question.Code == other).RenderCount);
        }
    }
}
