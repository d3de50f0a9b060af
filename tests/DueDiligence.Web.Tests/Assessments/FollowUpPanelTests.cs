using Bunit;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>
/// The "Conditions and findings" panel of a decided assessment as the team, legal and executives use it, and the
/// supplier page's list of what is still open: status chips, overdue highlighted, actions only for those who may act.
/// </summary>
public sealed class FollowUpPanelTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Start_ByTheSuppliersOwner_ShowsInProgressAndTheHistoryWithoutReloadingThePage()
    {
        var scenario = await FollowUpScenario.DecidedAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, scenario.AssessmentId, Analyst, AnalystRole);
        Assert.Equal("Open", review.TextOf($"follow-up-status-{scenario.ConditionId}"));

        await review.ClickAsync($"follow-up-start-{scenario.ConditionId}");

        review.View.WaitForAssertion(() => Assert.Equal("In progress", review.TextOf($"follow-up-status-{scenario.ConditionId}")));
        Assert.StartsWith($"Started — {Analyst}, ", review.TextOf($"follow-up-history-{scenario.ConditionId}"), StringComparison.Ordinal);
        Assert.Equal(0, review.PageReloads);
        Assert.False(review.Has("decision-form"));
    }

    [Fact]
    public async Task Panel_ForAnExecutive_ShowsTheStatusesButNoActions()
    {
        var scenario = await FollowUpScenario.DecidedAsync(app);
        await StepAsync(scenario, scenario.Condition, FollowUpStep.Start);

        await using var review = await ReviewRendering.RenderAsync(app, scenario.AssessmentId, Executive, ExecutiveRole);

        Assert.True(review.Has("follow-up-read-only"));
        Assert.Equal("In progress", review.TextOf($"follow-up-status-{scenario.ConditionId}"));
        Assert.Empty(review.TestIds("follow-up-start-").Concat(review.TestIds("follow-up-complete-")).Concat(review.TestIds("follow-up-waive-")));
    }

    [Fact]
    public async Task Waive_WithoutAReason_SaysSoUnderTheConditionAndKeepsItOpen()
    {
        var scenario = await FollowUpScenario.DecidedAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, scenario.AssessmentId, Legal, LegalRole);

        await review.ClickAsync($"follow-up-waive-{scenario.ConditionId}");
        await review.ClickAsync($"follow-up-save-{scenario.ConditionId}");

        review.View.WaitForAssertion(() => Assert.Equal(
            $"Say why the condition “{FollowUpScenario.ConditionText}” is waived.", review.TextOf($"follow-up-refusal-{scenario.ConditionId}")));
        Assert.Equal("Open", review.TextOf($"follow-up-status-{scenario.ConditionId}"));
    }

    [Fact]
    public async Task Panels_WhenAConditionIsPastItsDueDate_HighlightItAsOverdueOnTheAssessmentAndTheSupplier()
    {
        var scenario = await FollowUpScenario.DecidedAsync(app);
        await MoveDueDateAsync(scenario.ConditionId, FollowUpScenario.Today.AddDays(-5));

        await using var review = await ReviewRendering.RenderAsync(app, scenario.AssessmentId, Legal, LegalRole);
        Assert.True(review.Has($"follow-up-overdue-{scenario.ConditionId}"));
        Assert.False(review.Has($"follow-up-overdue-{scenario.FindingId}"));
        Assert.Equal("2 outstanding, 1 overdue", review.TextOf("follow-up-counts"));

        await using var context = ComponentContext.Create(app, Executive, ExecutiveRole);
        var supplier = context.Render<SupplierFollowUpPanel>(p => p.Add(c => c.SupplierId, scenario.SupplierId));
        supplier.WaitForAssertion(() => Assert.Equal(2, supplier.FindAll("[data-testid=supplier-follow-up-item]").Count));
        var first = ReviewRendering.TextOf(supplier.FindAll("[data-testid=supplier-follow-up-item]")[0]);
        Assert.StartsWith($"Overdue Open Condition: {FollowUpScenario.ConditionText}", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupplierPanel_WhenEverythingIsMetOrWaived_ShowsNothing()
    {
        var scenario = await FollowUpScenario.DecidedAsync(app);
        await StepAsync(scenario, scenario.Condition, FollowUpStep.Complete);
        await StepAsync(scenario, scenario.Finding, FollowUpStep.Waive, "Accepted risk.");

        await using var context = ComponentContext.Create(app, Legal, LegalRole);
        var supplier = context.Render<SupplierFollowUpPanel>(p => p.Add(c => c.SupplierId, scenario.SupplierId));

        Assert.Empty(supplier.FindAll("[data-testid=supplier-follow-up]"));
    }

    private Task StepAsync(FollowUpScenario scenario, FollowUpItem item, FollowUpStep step, string? reason = null) =>
        app.AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<FollowUpAssessment>().TakeStepAsync(scenario.AssessmentId, item, step, reason, null));

    /// <summary>Moves a due date into the past, as time passing would (a new due date in the past is refused).</summary>
    private async Task MoveDueDateAsync(Guid conditionId, DateOnly dueOn)
    {
        await using var db = await app.CreateDbContextAsync();
        var condition = await db.Set<ContractCondition>().AsSplitQuery().FirstAsync(c => c.Id == conditionId);
        db.Entry(condition).Property(c => c.DueOn).CurrentValue = dueOn;
        await db.SaveChangesAsync();
    }
}
