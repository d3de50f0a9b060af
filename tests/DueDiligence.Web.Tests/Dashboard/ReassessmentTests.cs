using DueDiligence.Domain.Assessments;
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
        var today = app.Clock.Today;
        var before = await Scenario.OverviewAsync();

        var overdue = await Scenario.DecidedDueOnAsync(today.AddDays(-35));
        await Scenario.DecidedDueOnAsync(today.AddDays(30));
        var dueLater = await Scenario.DecidedDueOnAsync(today.AddDays(265));
        var offboarded = await Scenario.DecidedDueOnAsync(today.AddDays(-35));
        await Scenario.OffboardAsync(offboarded);

        var after = await Scenario.OverviewAsync();
        Assert.Equal(before.Reassessments.Overdue + 1, after.Reassessments.Overdue);
        Assert.Equal(before.Reassessments.DueSoon + 1, after.Reassessments.DueSoon);
        var listed = after.Reassessments.Earliest.Select(r => r.SupplierId).ToList();
        Assert.Contains(overdue, listed);
        Assert.DoesNotContain(dueLater, listed);
        Assert.DoesNotContain(offboarded, listed);
    }

    [Fact]
    public async Task Reassessments_OnTheBoundaries_DueTodayAndIn90DaysAreDueSoonYesterdayIsOverdue()
    {
        var today = app.Clock.Today;
        var before = await Scenario.OverviewAsync();

        await Scenario.DecidedDueOnAsync(today.AddDays(-1));
        await Scenario.DecidedDueOnAsync(today);
        await Scenario.DecidedDueOnAsync(today.AddDays(ReassessmentsDue.DueSoonDays));
        await Scenario.DecidedDueOnAsync(today.AddDays(ReassessmentsDue.DueSoonDays + 1));

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
}
