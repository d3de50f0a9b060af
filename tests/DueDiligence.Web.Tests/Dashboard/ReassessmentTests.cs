using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Dashboard;
using static DueDiligence.Web.Tests.Dashboard.PortfolioScenario;

namespace DueDiligence.Web.Tests.Dashboard;

/// <summary>Overdue and upcoming reassessments: suppliers decided in the past on a moved clock, looked at today.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ReassessmentTests(DashboardApp app)
{
    private PortfolioScenario Scenario => app.Scenario;

    [Fact]
    public async Task Reassessments_WhenDecisionsAgeOut_CountOverdueAndDueWithin90Days()
    {
        var before = await Scenario.OverviewAsync();

        // Low jurisdiction, firmware, C 0: tier High, reassessment 12 months after the decision.
        var overdue = await DecidedAsync(daysAgo: 400);
        var dueSoon = await DecidedAsync(daysAgo: 335);
        var dueLater = await DecidedAsync(daysAgo: 100);
        var offboarded = await DecidedAsync(daysAgo: 400);
        await Scenario.OffboardAsync(offboarded);

        var after = await Scenario.OverviewAsync();
        Assert.Equal(before.Reassessments.Overdue + 1, after.Reassessments.Overdue);
        Assert.Equal(before.Reassessments.DueSoon + 1, after.Reassessments.DueSoon);
        var listed = after.Reassessments.Earliest.Select(r => r.SupplierId).ToList();
        Assert.Contains(overdue, listed);
        Assert.Contains(dueSoon, listed);
        Assert.DoesNotContain(dueLater, listed);
        Assert.DoesNotContain(offboarded, listed);
    }

    [Fact]
    public async Task Reassessments_OnTheBoundaries_DueTodayAndIn90DaysAreDueSoonYesterdayIsOverdue()
    {
        var today = app.Clock.Today;
        var before = await Scenario.OverviewAsync();

        await DecidedDueOnAsync(today.AddDays(-1));
        await DecidedDueOnAsync(today);
        await DecidedDueOnAsync(today.AddDays(ReassessmentsDue.DueSoonDays));
        await DecidedDueOnAsync(today.AddDays(ReassessmentsDue.DueSoonDays + 1));

        var after = await Scenario.OverviewAsync();
        Assert.Equal(before.Reassessments.Overdue + 1, after.Reassessments.Overdue);
        Assert.Equal(before.Reassessments.DueSoon + 2, after.Reassessments.DueSoon);
    }

    [Fact]
    public async Task Reassessments_WhenRejectedLongAgo_AreNotDue()
    {
        var before = await Scenario.OverviewAsync();

        var supplier = await Scenario.NewSupplierAsync(LowCountry);
        await app.InThePastAsync(TimeSpan.FromDays(800), () => Scenario.DecidedAsync(supplier, maturity: 0, DecisionOutcome.Rejected));

        var after = await Scenario.OverviewAsync();
        Assert.Equal(before.Reassessments.Overdue, after.Reassessments.Overdue);
        Assert.Equal(before.Reassessments.DueSoon, after.Reassessments.DueSoon);
    }

    private async Task<Guid> DecidedAsync(int daysAgo)
    {
        var supplier = await Scenario.NewSupplierAsync(LowCountry);
        await Scenario.DecidedAgoAsync(TimeSpan.FromDays(daysAgo), supplier, maturity: 0);
        Assert.Equal(RiskTier.High, (await Scenario.SupplierAsync(supplier)).LatestTier);
        return supplier;
    }

    /// <summary>A High-tier supplier decided exactly twelve months before <paramref name="dueOn"/>.</summary>
    private async Task DecidedDueOnAsync(DateOnly dueOn)
    {
        var decidedOn = dueOn.AddMonths(-12);
        var supplier = await DecidedAsync(daysAgo: app.Clock.Today.DayNumber - decidedOn.DayNumber);
        Assert.Equal(dueOn, (await Scenario.SupplierAsync(supplier)).ReassessmentDueOn);
    }
}
