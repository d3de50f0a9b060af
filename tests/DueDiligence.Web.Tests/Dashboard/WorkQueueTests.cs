using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Dashboard;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Dashboard.PortfolioScenario;

namespace DueDiligence.Web.Tests.Dashboard;

/// <summary>Each role's work queue on the dashboard: the analyst's drafts, the legal queue, the decisions waiting.</summary>
[Collection(DashboardCollection.Name)]
public sealed class WorkQueueTests(DashboardApp app)
{
    private PortfolioScenario Scenario => app.Scenario;

    [Fact]
    public async Task WorkQueues_WhenAssessmentsWaitAtEachStep_CountThemInTheirQueues()
    {
        var analystBefore = await QueuesAsync(Analyst, AnalystRole);
        var otherAnalystBefore = await QueuesAsync(OtherAnalyst, AnalystRole);

        await Scenario.DraftAsync(await Scenario.NewSupplierAsync(LowCountry), maturity: 2);
        await Scenario.SubmittedAsync(await Scenario.NewSupplierAsync(LowCountry), maturity: 2);
        await Scenario.AwaitingDecisionAsync(await Scenario.NewSupplierAsync(LowCountry), maturity: 2);

        var analystAfter = await QueuesAsync(Analyst, AnalystRole);
        Assert.Equal(analystBefore["MyDrafts"] + 1, analystAfter["MyDrafts"]);
        Assert.Equal(analystBefore["Legal"] + 1, analystAfter["Legal"]);
        Assert.Equal(analystBefore["Decision"] + 1, analystAfter["Decision"]);
        Assert.Equal(otherAnalystBefore["MyDrafts"], (await QueuesAsync(OtherAnalyst, AnalystRole))["MyDrafts"]);
    }

    [Theory]
    [InlineData(AppRoles.Analyst, "MyDrafts:yours Legal Decision")]
    [InlineData(AppRoles.LegalReviewer, "Legal:yours Decision")]
    [InlineData(AppRoles.Executive, "Legal Decision:yours")]
    [InlineData(AppRoles.Admin, "")]
    public async Task WorkQueues_ForEachRole_ShowWhatThatRoleSeesWithItsOwnQueueMarked(string role, string expected)
    {
        var overview = await Scenario.OverviewAsync($"{role.ToLowerInvariant()}@test", [role]);

        Assert.Equal(expected, string.Join(' ', overview.Queues.Select(q => q.Queue + (q.IsYours ? ":yours" : ""))));
    }

    [Theory]
    [InlineData(Analyst, AppRoles.Analyst)]
    [InlineData(Legal, AppRoles.LegalReviewer)]
    [InlineData(Executive, AppRoles.Executive)]
    public async Task QueueLinks_ForEachRole_OpenAnAssessmentListWithTheCountedAssessments(string user, string role)
    {
        await Scenario.DraftAsync(await Scenario.NewSupplierAsync(LowCountry), maturity: 1);
        var overview = await Scenario.OverviewAsync(user, [role]);

        foreach (var queue in overview.Queues)
        {
            var uri = new Uri(new Uri("http://localhost"), queue.Link);
            Assert.Equal("/assessments", uri.AbsolutePath);
            var listed = Enum.Parse<AssessmentQueue>(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query)["queue"].ToString());
            var rows = await app.AsUserAsync(user, [role], s => s.GetRequiredService<AssessmentListQueries>().FirstPageAsync(listed));
            Assert.Equal(queue.Count, rows.Count);
        }
    }

    private async Task<Dictionary<string, int>> QueuesAsync(string user, string[] roles) =>
        (await Scenario.OverviewAsync(user, roles)).Queues.ToDictionary(q => q.Queue, q => q.Count);
}
