using System.Globalization;
using Bunit;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;
using static DueDiligence.Web.Tests.Assessments.ReviewScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>The executive's decision form as they use it: choosing an outcome, confirming it, and what it says when it cannot go ahead.</summary>
public sealed class ReviewDecisionFormTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Rationale = "Strong controls; approve once the escrow addendum is signed.";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Decide_WhenNothingIsChosenOrWritten_ShowsEachMessageUnderItsFieldAndAsksNothing()
    {
        var id = await AwaitingDecisionAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, id, Executive, ExecutiveRole);

        await review.ClickAsync("decide");

        review.View.WaitForAssertion(() =>
        {
            Assert.Equal("Choose Approve, Approve with conditions or Reject.", ReviewRendering.FieldMessage(review.Element("outcome-approve")));
            Assert.Equal("Give the rationale for the decision.", ReviewRendering.FieldMessage(review.Element("decision-rationale")));
        });
        Assert.Empty(review.Dialogs.FindAll("[data-testid=confirm-dialog]"));
        Assert.Equal(AssessmentStatus.AwaitingDecision, (await LoadAsync(app, id, Executive, ExecutiveRole)).Assessment.Status);
    }

    [Fact]
    public async Task Decide_WhenApprovingWithConditionsAndConfirmed_SaysWhatFollowsThenRecordsItAndLetsThePageReload()
    {
        var id = await AwaitingDecisionAsync(app);
        await AddConditionAsync(id);
        await using var review = await ReviewRendering.RenderAsync(app, id, Executive, ExecutiveRole);
        var score = (await LoadAsync(app, id, Executive, ExecutiveRole)).Score;
        var due = Today.AddMonths(score.ReassessmentMonths).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await ChooseAndWriteAsync(review, "outcome-approve-with-conditions", Rationale);
        var deciding = review.ClickAsync("decide");

        Assert.Equal(
            $"The supplier becomes Approved with conditions (tier {score.Tier}, residual risk R {OneDecimal(score.ResidualRisk)}); 1 open contract condition stays with its owner to be met. " +
            $"Reassessment is due on {due}. The decision is final: the assessment becomes read-only, and your rationale is kept with it and printed in the risk summary.",
            review.ConfirmationMessage());
        Assert.Equal("Approve with conditions", ReviewRendering.Plain(review.Dialogs.Find("[data-testid=confirm-yes]").TextContent));
        await review.ConfirmAsync();
        await deciding;

        var decided = (await LoadAsync(app, id, Executive, ExecutiveRole)).Assessment;
        Assert.Equal(DecisionOutcome.ApprovedWithConditions, decided.Decision?.Outcome);
        Assert.Equal(Rationale, decided.Decision?.Rationale);
        Assert.Equal(1, review.PageReloads);
    }

    [Fact]
    public async Task Decide_WhenRejectingAndConfirmed_AsksWithARedButtonAndRecordsTheRejection()
    {
        var id = await AwaitingDecisionAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, id, Executive, ExecutiveRole);

        await ChooseAndWriteAsync(review, "outcome-reject", "The supplier would hold our full firmware in one place.");
        var deciding = review.ClickAsync("decide");

        Assert.StartsWith("The supplier becomes Rejected and must not receive our IP", review.ConfirmationMessage(), StringComparison.Ordinal);
        Assert.Contains("mud-button-filled-error", review.Dialogs.Find("[data-testid=confirm-yes]").ClassName, StringComparison.Ordinal);
        await review.ConfirmAsync();
        await deciding;

        Assert.Equal(DecisionOutcome.Rejected, (await LoadAsync(app, id, Executive, ExecutiveRole)).Assessment.Decision?.Outcome);
    }

    [Fact]
    public async Task Decide_WhenTheConfirmationIsCancelled_RecordsNothingAndKeepsWhatWasEntered()
    {
        var id = await AwaitingDecisionAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, id, Executive, ExecutiveRole);

        await ChooseAndWriteAsync(review, "outcome-approve", Rationale);
        var deciding = review.ClickAsync("decide");
        review.ConfirmationMessage();
        await review.CancelAsync();
        await deciding;

        Assert.Null((await LoadAsync(app, id, Executive, ExecutiveRole)).Assessment.Decision);
        Assert.Equal(0, review.PageReloads);
        Assert.Equal(Rationale, review.Element("decision-rationale").GetAttribute("value") ?? review.Element("decision-rationale").TextContent);
    }

    [Fact]
    public async Task Decide_WhenApprovingDespiteAnUnwaivedKnockOut_ListsTheWorkToDoNextToTheButtonWithoutAsking()
    {
        var id = await AwaitingDecisionAsync(app, RefusesTheNda);
        await using var review = await ReviewRendering.RenderAsync(app, id, Executive, ExecutiveRole);

        await ChooseAndWriteAsync(review, "outcome-approve", Rationale);
        Assert.Equal(
            "Before you can approve: Waive the knock-out of CT-01 with a rationale, or reject: an unwaived knock-out means Do not proceed. " +
            "Write the justification: approving at tier Critical needs one.",
            review.TextOf("decision-blockers"));
        await review.ClickAsync("decide");

        Assert.StartsWith("Not recorded. Before you can approve:", review.TextOf("decision-blockers"), StringComparison.Ordinal);
        Assert.Contains("mud-alert-text-error", review.Element("decision-blockers").ClassName, StringComparison.Ordinal);
        Assert.Empty(review.Dialogs.FindAll("[data-testid=confirm-dialog]"));
        Assert.Null((await LoadAsync(app, id, Executive, ExecutiveRole)).Assessment.Decision);
    }

    [Fact]
    public async Task Decide_WhenTheAssessmentRefusesIt_KeepsTheRefusalNextToTheButtonUntilTheOutcomeChanges()
    {
        // The executive's view has no open condition; meanwhile another approver adds one, which a plain approval must not leave open.
        var id = await AwaitingDecisionAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, id, Executive, ExecutiveRole);
        await AddConditionAsync(id);

        await ChooseAndWriteAsync(review, "outcome-approve", Rationale);
        var deciding = review.ClickAsync("decide");
        review.ConfirmationMessage();
        await review.ConfirmAsync();
        await deciding;

        Assert.Equal(
            "The decision was not recorded. 1 contract condition is still open: approve with conditions, or mark them met first.",
            review.TextOf("decision-refusal"));
        Assert.Equal(0, review.PageReloads);
        Assert.Null((await LoadAsync(app, id, Executive, ExecutiveRole)).Assessment.Decision);

        await review.ClickAsync("outcome-approve-with-conditions");
        Assert.False(review.Has("decision-refusal"));
    }

    [Fact]
    public async Task Decide_WhenApproving_SaysWhenTheSupplierIsDueAgainInWholeWords()
    {
        var id = await AwaitingDecisionAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, id, Executive, ExecutiveRole);
        var score = (await LoadAsync(app, id, Executive, ExecutiveRole)).Score;

        await review.ClickAsync("outcome-approve");

        Assert.Equal(
            $"An approval at tier {score.Tier} makes the supplier due for reassessment on {Today.AddMonths(score.ReassessmentMonths):yyyy-MM-dd} ({score.ReassessmentMonths} months).",
            review.TextOf("decision-due-note"));
    }

    private static async Task ChooseAndWriteAsync(ReviewRendering review, string outcome, string rationale)
    {
        await review.ClickAsync(outcome);
        await review.Element("decision-rationale").ChangeAsync(new() { Value = rationale });
    }

    private Task AddConditionAsync(Guid id) =>
        app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<Web.Features.Assessments.ReviewAssessment>()
            .AddConditionAsync(id, new ConditionDetails("Escrow addendum signed before the first shipment.", Today.AddDays(30))));

    private static string OneDecimal(double value) => Domain.Scoring.Display.Round1(value).ToString("0.0", CultureInfo.InvariantCulture);
}
