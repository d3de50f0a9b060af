using Bunit;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Notifications;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Lists;

/// <summary>
/// Long lists are filtered, sorted and paged by the database: with more rows than a page, the second page holds the rows
/// that follow the first, the count is of the whole list, and what a user may not see is not counted either.
/// </summary>
public sealed class ListPagingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int PageSize = 25;

    [Fact]
    public async Task AssessmentList_MyDraftsByName_SecondPageFollowsTheFirst_AndCountsOnlyTheUsersOwn()
    {
        const string pager = "pager@test";
        for (var i = 0; i < PageSize + 2; i++)
        {
            await NewDraftAsync(app, pager);
        }

        await NewDraftAsync(app, OtherAnalyst); // another analyst's draft: not in this analyst's "My drafts"

        var first = await DraftsAsync(pager, skip: 0);
        var second = await DraftsAsync(pager, skip: PageSize);

        Assert.Equal(PageSize + 2, first.Total);
        Assert.Equal(PageSize + 2, second.Total);
        Assert.Equal(PageSize, first.Rows.Count);
        Assert.Equal(2, second.Rows.Count);
        var names = first.Rows.Concat(second.Rows).Select(r => r.SupplierName).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(PageSize + 2, names.Distinct().Count());
        Assert.All(first.Rows.Concat(second.Rows), r => Assert.Equal(AssessmentStatus.Draft, r.Status));
    }

    [Fact]
    public async Task MyWork_WithMoreItemsThanAPage_SecondPageHasTheLatestDue_AndCountsOnlyTheUsersOwn()
    {
        var scenario = await NotificationScenario.CreateAsync(app);
        var owner = await scenario.Team.PersonAsync($"Owen {Guid.NewGuid():N}"[..17], AppRoles.LegalReviewer);
        await scenario.DraftAsync();
        await scenario.SubmitAsync();
        await scenario.StartReviewAsync();
        var firstDue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        await scenario.Team.AsAsync(scenario.Legal, async s =>
        {
            var review = s.GetRequiredService<ReviewAssessment>();
            for (var i = 0; i < PageSize + 2; i++)
            {
                await review.AddFindingAsync(scenario.AssessmentId, new FindingDetails(FindingSeverity.Low, $"Finding {i:D2}", DueOn: firstDue.AddDays(i)), owner.Id);
            }

            // The reviewer's own finding: on the reviewer's list, not on the owner's.
            return await review.AddFindingAsync(scenario.AssessmentId, new FindingDetails(FindingSeverity.Low, "Not the owner's", DueOn: firstDue), scenario.Legal.Id);
        });

        var first = await scenario.Team.AsAsync(owner, s => s.GetRequiredService<MyWorkQueries>().MineAsync(0, PageSize));
        var second = await scenario.Team.AsAsync(owner, s => s.GetRequiredService<MyWorkQueries>().MineAsync(PageSize, PageSize));

        Assert.Equal(PageSize + 2, first.Total);
        Assert.Equal(PageSize, first.Items.Count);
        Assert.Equal(["Finding 25", "Finding 26"], second.Items.Select(i => i.Description));
        Assert.Equal(firstDue, first.Items[0].DueOn);
        Assert.DoesNotContain(first.Items.Concat(second.Items), i => i.Description == "Not the owner's");

        // The page shows the first 25 with the count of all, and the pager's second page the last two.
        await using var context = ComponentContext.CreateOn(app.Services, owner.Id, AppRoles.LegalReviewer);
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/my-work");
        var page = context.Bunit.Render<MyWorkPage>();
        page.WaitForAssertion(() => Assert.Equal(PageSize, page.FindAll("[data-testid=my-work-item]").Count), TimeSpan.FromSeconds(10));
        Assert.Equal($"1–{PageSize} of {PageSize + 2}", page.Find("[data-testid=my-work-count]").TextContent.Trim());
        Assert.Single(page.FindAll("[data-circuit-pausable]"));
        page.FindAll("[data-testid=my-work-pages] button").First(b => b.TextContent.Trim() == "2").Click();
        page.WaitForAssertion(() => Assert.Equal(["Finding 25", "Finding 26"], page.FindAll("[data-testid=my-work-link]").Select(l => l.TextContent.Trim())), TimeSpan.FromSeconds(10));

        // The page is in the address, so that a reload, a link and a circuit resumed in a hidden tab (docs/adr/0011) show it.
        Assert.EndsWith("/my-work?page=2", navigation.Uri, StringComparison.Ordinal);
        await using var reopened = ComponentContext.CreateOn(app.Services, owner.Id, AppRoles.LegalReviewer);
        reopened.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/my-work?page=2");
        var again = reopened.Bunit.Render<MyWorkPage>();
        again.WaitForAssertion(() => Assert.Equal(["Finding 25", "Finding 26"], again.FindAll("[data-testid=my-work-link]").Select(l => l.TextContent.Trim())), TimeSpan.FromSeconds(10));

        // A page past the last (its items were done since the link was made) shows the last one.
        reopened.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/my-work?page=9");
        again.WaitForAssertion(() => Assert.Equal($"{PageSize + 1}–{PageSize + 2} of {PageSize + 2}", again.Find("[data-testid=my-work-count]").TextContent.Trim()), TimeSpan.FromSeconds(10));
    }

    private Task<AssessmentListPage> DraftsAsync(string analyst, int skip) =>
        app.AsUserAsync(analyst, AnalystRole, s => s.GetRequiredService<AssessmentListQueries>()
            .ListPageAsync(AssessmentQueue.MyDrafts, null, AssessmentSort.Supplier, descending: false, skip, PageSize));
}
