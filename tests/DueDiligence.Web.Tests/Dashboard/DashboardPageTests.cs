using System.Net;
using System.Text.RegularExpressions;
using Bunit;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Features.Dashboard;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Risk;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Dashboard;

/// <summary>
/// The dashboard as pages render it from the demo portfolio: at /dashboard for every role, and on the executive's home page.
/// Its figures load once, over the circuit; the prerendered page carries the heading and the loading placeholder.
/// </summary>
public sealed partial class DashboardPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [MemberData(nameof(DemoAccounts.Roles), MemberType = typeof(DemoAccounts))]
    public async Task DashboardPage_ForEachRole_ShowsTheBreakdownsOfTheDemoPortfolio(string role)
    {
        var overview = await OverviewAsync(role);
        await using var context = ComponentContext.Create(app, role.ToLowerInvariant() + "-tester", role);

        var cut = context.Render<DashboardPage>();

        cut.WaitForElement("[data-testid=heat-map]", TimeSpan.FromSeconds(10));
        Assert.True(overview.SupplierCount > 5, "The demo data has a portfolio.");
        Assert.Equal(Wording.Count(overview.SupplierCount, "supplier"), cut.Find("[data-testid=supplier-total]").TextContent.Trim());
        Assert.Equal(
            overview.ByTier.Select(t => (t.Tier?.ToString() ?? "none", t.Count.ToString())),
            cut.FindAll("[data-testid=tier-count]").Select(t => (t.GetAttribute("data-tier")!, t.QuerySelector(".bar-value")!.TextContent.Trim())));
        Assert.Equal(
            overview.ByStatus.Select(s => (s.Status.ToString(), s.Label, s.Count.ToString())),
            cut.FindAll("[data-testid=status-count]").Select(s => (s.GetAttribute("data-status")!, s.QuerySelector(".legend-label")!.TextContent.Trim(), s.QuerySelector(".legend-value")!.TextContent.Trim())));
        Assert.Equal(overview.ByStatus.Count(s => s.Count > 0), cut.FindAll("[data-testid=status-segment]").Count);
        Assert.Equal(role != AppRoles.Admin, cut.FindAll("[data-testid=work-queues]").Count == 1);
    }

    [Fact]
    public async Task HeatMap_EveryCell_SaysInWordsWhatItCountsAndLinksToThoseSuppliers()
    {
        var overview = await OverviewAsync(AppRoles.Executive);
        await using var context = ComponentContext.Create(app, "executive-tester", AppRoles.Executive);

        var cut = context.Render<DashboardPage>();

        cut.WaitForElement("[data-testid=heat-map]", TimeSpan.FromSeconds(10));
        var cells = cut.FindAll("[data-testid=heat-cell]");
        Assert.Equal(HeatMap.Rows.Count * HeatMap.Columns.Count, cells.Count);
        foreach (var cell in cells)
        {
            var level = Enum.Parse<WorstJurisdictionLevel>(cell.GetAttribute("data-jlevel")!);
            var band = HeatMap.Columns.Single(b => (b?.Code ?? "none") == cell.GetAttribute("data-cband"));
            var count = overview.HeatMap.Count(level, band);
            Assert.Equal(count.ToString(), cell.TextContent.Trim());
            Assert.Equal(SupplierListLinks.ForCell(level, band), cell.GetAttribute("href"));
            Assert.Equal(HeatMapTable.Describe(level, band, count), cell.GetAttribute("aria-label"));
            Assert.StartsWith($"{count} supplier", cell.GetAttribute("aria-label"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DashboardPage_WhenPrerendered_CarriesTheHeadingAndThePlaceholderButRunsNoPortfolioQuery()
    {
        var executive = DemoAccounts.ForRole(AppRoles.Executive);
        var client = await app.SignInAsync(executive.Email, executive.Password);

        var response = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Portfolio dashboard", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"page-loading\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"heat-map\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_WhenExecutive_ShowsThePortfolioDashboardWithTheDecisionQueueAndStep()
    {
        await using var context = ComponentContext.Create(app, "executive-tester", AppRoles.Executive);

        var cut = context.Render<Home>();

        cut.WaitForElement("[data-testid=heat-map]", TimeSpan.FromSeconds(10));
        var decision = cut.Find("[data-testid=work-queue][data-queue=Decision]");
        Assert.Equal("/assessments?queue=Decision", decision.GetAttribute("href"));
        Assert.Contains("your queue", decision.TextContent, StringComparison.Ordinal);
        Assert.Equal([AppRoles.Executive], cut.FindAll("[data-testid=role-home] [data-role]").Select(s => s.GetAttribute("data-role")));
    }

    [Theory]
    [InlineData(AppRoles.Analyst, "MyDrafts")]
    [InlineData(AppRoles.LegalReviewer, "Legal")]
    public async Task HomePage_WhenAnalystOrLegal_ShowsTheirQueueAndNextStepWithoutTheDashboard(string role, string ownQueue)
    {
        await using var context = ComponentContext.Create(app, role.ToLowerInvariant() + "-tester", role);

        var cut = context.Render<Home>();

        cut.WaitForElement("[data-testid=work-queues]", TimeSpan.FromSeconds(10));
        Assert.Contains("your queue", cut.Find($"[data-testid=work-queue][data-queue={ownQueue}]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=portfolio-dashboard]"));
        Assert.Equal([role], cut.FindAll("[data-testid=role-home] [data-role]").Select(s => s.GetAttribute("data-role")));
    }

    [Fact]
    public async Task HomePage_WhenAdmin_ShowsTheNextStepAndNoQueue()
    {
        await using var context = ComponentContext.Create(app, "admin-tester", AppRoles.Admin);

        var cut = context.Render<Home>();

        Assert.Empty(cut.FindAll("[data-testid=work-queues]"));
        Assert.Empty(cut.FindAll("[data-testid=page-loading]"));
        var step = cut.Find("[data-testid=role-home] [data-role=Admin]");
        Assert.Equal("/admin/users", step.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Manage users", Whitespace().Replace(step.QuerySelector("a")!.TextContent, " ").Trim());
    }

    private Task<PortfolioOverview> OverviewAsync(string role) =>
        app.AsUserAsync(role.ToLowerInvariant() + "-tester", [role], services => services.GetRequiredService<PortfolioQueries>().GetAsync());

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
