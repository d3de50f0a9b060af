using System.Net;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;

namespace DueDiligence.Web.Tests.Dashboard;

/// <summary>The dashboard as pages render it: at /dashboard for every role, and on the executive's home page.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardPageTests(DashboardApp app)
{
    [Theory]
    [MemberData(nameof(DemoAccounts.Roles), MemberType = typeof(DemoAccounts))]
    public async Task DashboardPage_ForEachRole_ShowsTheHeatMapWithLinksToTheSupplierList(string role)
    {
        var client = await app.SignInAsync(role);

        var response = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Portfolio dashboard", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"heat-map\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/suppliers?jlevel=Severe&amp;cband=0-20\"", html, StringComparison.Ordinal);
        Assert.Equal(role != AppRoles.Admin, html.Contains("data-testid=\"work-queues\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HomePage_WhenExecutive_ShowsThePortfolioDashboardWithTheDecisionQueue()
    {
        var client = await app.SignInAsync(AppRoles.Executive);

        var html = await client.GetStringAsync("/");

        Assert.Contains("data-testid=\"portfolio-dashboard\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/assessments?queue=Decision\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_WhenAnalyst_ShowsNextStepsWithoutTheDashboard()
    {
        var client = await app.SignInAsync(AppRoles.Analyst);

        var html = await client.GetStringAsync("/");

        Assert.DoesNotContain("data-testid=\"portfolio-dashboard\"", html, StringComparison.Ordinal);
        Assert.Contains("data-role=\"Analyst\"", html, StringComparison.Ordinal);
    }
}
