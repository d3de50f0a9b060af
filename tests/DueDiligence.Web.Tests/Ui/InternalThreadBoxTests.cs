using Bunit;
using DueDiligence.Web.Features.Assessments.Threads;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DueDiligence.Web.Tests.Assessments;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;
using static DueDiligence.Web.Tests.Assessments.ReviewScenarios;

namespace DueDiligence.Web.Tests.Ui;

/// <summary>
/// Legal opens the internal conversation on a question from the review page: the box is made only on the question asked
/// about, and a refused file keeps the message typed.
/// </summary>
public sealed class InternalThreadBoxTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Question = "Which audit report supports this level?";

    [Fact]
    public async Task Send_WithAFileThatFailsTheChecks_ShowsWhyBesideTheForm_KeepsTheText_AndSendsOnceTheFileIsRemoved()
    {
        var id = await NewDraftAsync(app);
        await using var context = ComponentContext.Create(app, Legal, LegalRole);
        var conversations = await context.AppServices.GetRequiredService<InternalThreads>().ListAsync(id);
        var changed = 0;
        // As the review makes it once legal pressed "Ask the analyst about DS-04".
        var cut = context.Render<InternalThreadBox>(p => p
            .Add(b => b.AssessmentId, id).Add(b => b.Code, "DS-04").Add(b => b.Conversations, conversations).Add(b => b.Changed, () => changed++)
            .Add(b => b.StartWriting, true));

        cut.Find("[data-testid=internal-text-DS-04] textarea, textarea[data-testid=internal-text-DS-04]").Change(Question);
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([0x4D, 0x5A, 0x90, 0x00], "tool.exe"));
        cut.Find("[data-testid=internal-send-DS-04]").Click();

        cut.WaitForAssertion(() => Assert.Contains(".exe", cut.Find("[data-testid=internal-text-DS-04-problem]").TextContent, StringComparison.Ordinal));
        Assert.StartsWith("Not sent:", cut.Find("[data-testid=internal-text-DS-04-problem]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(Question, cut.Find("textarea").GetAttribute("value") ?? cut.Find("textarea").TextContent);
        Assert.Contains("tool.exe", cut.Find("[data-testid=internal-text-DS-04-chosen]").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, changed);
        await using (var db = await app.CreateDbContextAsync())
        {
            Assert.False(await db.ClarificationThreads.AnyAsync(t => t.AssessmentId == id));
        }

        // Dropped, the file goes with its field: a new field, since the old one would keep it in the browser (and keep
        // the page's circuit in a hidden tab, docs/adr/0011).
        var field = cut.FindComponent<InputFile>().Instance;
        cut.Find("[aria-label='Do not attach tool.exe']").Click();
        Assert.NotSame(field, cut.FindComponent<InputFile>().Instance);
        cut.Find("[data-testid=internal-send-DS-04]").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, changed));
        await using var saved = await app.CreateDbContextAsync();
        var thread = await saved.ClarificationThreads.AsNoTracking().Include(t => t.Messages).SingleAsync(t => t.AssessmentId == id);
        Assert.True(thread.IsInternal);
        Assert.Equal(Question, Assert.Single(thread.Messages).Text);
    }

    [Fact]
    public async Task Review_ForLegal_ShowsTheAskButtonAlone_AndMakesTheBoxOnlyOnTheQuestionAskedAbout()
    {
        var id = await InLegalReviewAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);
        var questions = review.TestIds("internal-start-").Count;
        Assert.True(questions > 50, $"{questions} questions offer to ask the analyst");
        Assert.Empty(review.View.FindComponents<InternalThreadBox>());

        await review.ClickAsync("internal-start-DS-04");

        review.View.WaitForAssertion(() => Assert.Single(review.View.FindComponents<InternalThreadBox>()));
        Assert.True(review.Has("internal-text-DS-04"));
        Assert.False(review.Has("internal-start-DS-04"));
        Assert.Equal(questions - 1, review.TestIds("internal-start-").Count);
    }
}
