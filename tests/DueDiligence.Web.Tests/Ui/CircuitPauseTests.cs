using Bunit;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Circuits;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Assessments;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;
using static DueDiligence.Web.Tests.Assessments.ReviewScenarios;

namespace DueDiligence.Web.Tests.Ui;

/// <summary>
/// What lets a page in a hidden tab give its circuit back (wwwroot/app.js, docs/adr/0011): the delay, written in the
/// pages that have a circuit, the wizard's mark, there only while every answer is saved, and the review's, with the marks
/// of its forms. The pause itself runs in the browser: tests/DueDiligence.EndToEnd/HiddenTabTests.
/// </summary>
public sealed class CircuitPauseTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(86_401)]
    public void Options_OutOfRange_NameTheSettingAndItsRange(double seconds)
    {
        var problem = new CircuitPauseOptions { PauseHiddenPageAfterSeconds = seconds }.Problem();

        Assert.NotNull(problem);
        Assert.StartsWith("Circuits:PauseHiddenPageAfterSeconds must be a number of seconds from 0 (never pause) to 86400", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(0.0004, 1L)]
    [InlineData(120, 120_000L)]
    public void Options_InRange_GiveThePagesTheirDelay(double seconds, long? milliseconds)
    {
        var options = new CircuitPauseOptions { PauseHiddenPageAfterSeconds = seconds };

        Assert.Null(options.Problem());
        Assert.Equal(milliseconds, options.PauseAfterMilliseconds);
    }

    [Fact]
    public async Task Pages_WithACircuit_CarryTheDelay_AndThoseWithout_DoNot()
    {
        var client = await app.SignInAsync(DemoAccounts.ForRole(AppRoles.Analyst).Email, DemoAccounts.ForRole(AppRoles.Analyst).Password);

        Assert.Contains("<meta name=\"circuit-pause-after\" content=\"120000\" />", await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("circuit-pause-after", await app.CreateClient().GetStringAsync("/account/login"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/dashboard", true)]
    [InlineData("/suppliers/new", false)]
    [InlineData("/suppliers", false)]
    public async Task PagesOfLinksAndFigures_AllowThePause_AndPagesWithForms_DoNot(string path, bool allowed)
    {
        var client = await app.SignInAsync(DemoAccounts.ForRole(AppRoles.Analyst).Email, DemoAccounts.ForRole(AppRoles.Analyst).Password);

        var html = await client.GetStringAsync(path);

        Assert.Equal(allowed, html.Contains("data-circuit-pausable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IpRightsRegister_OnceShown_AllowsThePause()
    {
        await using var context = ComponentContext.Create(app, "lee@test", AppRoles.LegalReviewer);

        var page = context.Render<DueDiligence.Web.Features.IpRights.IpRightsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-circuit-pausable]")), TimeSpan.FromSeconds(10));
        Assert.NotEmpty(page.FindAll("[data-testid=rights-table], [data-testid=no-rights]"));
    }

    [Fact]
    public async Task Wizard_AllowsThePause_OnlyWhileEveryAnswerIsSaved()
    {
        var id = await NewDraftAsync(app);
        await using var context = ComponentContext.Create(app, Analyst, AppRoles.Analyst);
        var page = context.Render<AssessmentPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-circuit-pausable]")), TimeSpan.FromSeconds(20));

        // Found and used in one step: the page may render again in between (a re-render replaces the field's handlers).
        await page.InvokeAsync(() => page.Find("textarea[data-testid=comment-DD-01]").Input("Checked the trade register."));
        page.WaitForAssertion(() => Assert.Equal("editing", page.Find("[data-testid=save-state-DD-01]").GetAttribute("data-state")));
        Assert.Empty(page.FindAll("[data-circuit-pausable]"));

        await page.InvokeAsync(() => page.Find("textarea[data-testid=comment-DD-01]").Blur());
        page.WaitForAssertion(() => Assert.Equal("saved", page.Find("[data-testid=save-state-DD-01]").GetAttribute("data-state")), TimeSpan.FromSeconds(20));
        Assert.Single(page.FindAll("[data-circuit-pausable]"));

        await page.InvokeAsync(() => page.Find("textarea[data-testid=comment-DD-01]").Input(new string('x', 2100)));
        await page.InvokeAsync(() => page.Find("textarea[data-testid=comment-DD-01]").Blur());
        page.WaitForAssertion(() => Assert.Equal("failed", page.Find("[data-testid=save-state-DD-01]").GetAttribute("data-state")), TimeSpan.FromSeconds(20));
        Assert.Empty(page.FindAll("[data-circuit-pausable]"));
    }

    [Fact]
    public async Task Review_AllowsThePauseOnceShown_AndAFormOpenedOrAlwaysShownIsMarked()
    {
        var id = await InLegalReviewAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);
        Assert.Single(review.View.FindAll("[data-circuit-pausable]"));
        Assert.Empty(review.View.FindAll("[data-unsaved]"));

        await review.ClickAsync("forward-to-decision");
        Assert.Equal(["forward-form"], review.View.FindAll("[data-unsaved]").Select(e => e.GetAttribute("data-testid")));

        // The approver's form is always there: what is chosen or written in it keeps the circuit (app.js reads its fields).
        var awaiting = await AwaitingDecisionAsync(app);
        await using var approval = await ReviewRendering.RenderAsync(app, awaiting, Executive, ExecutiveRole);
        Assert.Single(approval.View.FindAll("[data-circuit-pausable]"));
        Assert.True(approval.Element("decision-form").HasAttribute("data-unsaved-area"));
        Assert.False(approval.Element("decision-form").HasAttribute("data-unsaved"));
    }
}
