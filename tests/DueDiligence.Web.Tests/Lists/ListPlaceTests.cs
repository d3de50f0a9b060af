using Bunit;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Lists;

/// <summary>
/// The supplier register and the assessment list keep their page, page size and sort in the address: opened from it,
/// they show those rows; paged, they write it; and once their rows are shown, with nothing typed that is not applied, a
/// hidden tab may pause their circuit (docs/adr/0011), since the address brings them back.
/// </summary>
public sealed class ListPlaceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Placer = "placer@test";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>30 suppliers named "Placed Supplier 01" to "30", owned by <see cref="Placer"/>, added once to this class's app.</summary>
    private async Task PlacedSuppliersAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        if (await db.Suppliers.AnyAsync(s => s.LegalName == "Placed Supplier 01"))
        {
            return;
        }

        for (var i = 1; i <= 30; i++)
        {
            db.Suppliers.Add(new Supplier(
                new SupplierProfile($"Placed Supplier {i:D2}", CountryCode.Parse("VN"), SupplierCategory.ContractManufacturer), Placer, Placer, DateTime.UtcNow));
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Register_OpenedOnAnAddressWithAPageAndASort_ShowsThoseRows_AndMayPause()
    {
        await PlacedSuppliersAsync();
        await using var context = ComponentContext.Create(app, Placer, AppRoles.Analyst);
        var navigation = Navigation(context);
        navigation.NavigateTo("/suppliers?q=Placed&page=2&sort=-name");

        var page = context.Render<SuppliersPage>();

        page.WaitForAssertion(() => Assert.Equal(Names(5, 4, 3, 2, 1), SupplierNames(page)), Wait);
        Assert.Equal("26–30 of 30", PagerInfo(page));
        Assert.EndsWith("/suppliers?q=Placed&page=2&sort=-name", navigation.Uri, StringComparison.Ordinal);
        Assert.Single(page.FindAll("[data-circuit-pausable]"));
    }

    [Fact]
    public async Task Register_PagedOnAndGivenAPageSize_PutsThemInTheAddress_AndItsPagerOffersOnlyTheWaysThatLead()
    {
        await PlacedSuppliersAsync();
        await using var context = ComponentContext.Create(app, Placer, AppRoles.Analyst);
        var navigation = Navigation(context);
        navigation.NavigateTo("/suppliers?q=Placed");
        var page = context.Render<SuppliersPage>();
        page.WaitForAssertion(() => Assert.Equal(25, SupplierNames(page).Count), Wait);
        Assert.Equal([true, true, false, false], PagerButtonsDisabled(page));

        // Found and used in one step: the page renders again as its grid loads, which replaces the element's handlers.
        await page.InvokeAsync(() => page.Find("button[aria-label='Next page']").ClickAsync(new MouseEventArgs()));

        page.WaitForAssertion(() => Assert.Equal(Names(26, 27, 28, 29, 30), SupplierNames(page)), Wait);
        Assert.EndsWith("/suppliers?q=Placed&page=2", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("26–30 of 30", PagerInfo(page));
        Assert.Equal([false, false, true, true], PagerButtonsDisabled(page));

        var size = page.Find(".grid-pager select");
        Assert.Equal(["25", "50", "100"], size.QuerySelectorAll("option").Select(o => o.TextContent));
        Assert.Equal("Suppliers per page:", page.Find($"label[for='{size.Id}']").TextContent);
        await page.InvokeAsync(() => page.Find(".grid-pager select").ChangeAsync(new ChangeEventArgs { Value = "50" }));

        page.WaitForAssertion(() => Assert.Equal(30, SupplierNames(page).Count), Wait);
        Assert.EndsWith("/suppliers?q=Placed&size=50", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("1–30 of 30", PagerInfo(page));
        Assert.Equal("50", page.Find(".grid-pager select").GetAttribute("value"));
    }

    [Fact]
    public async Task Register_WithSearchTextNotAppliedYet_KeepsItsCircuit_UntilEnterAppliesIt()
    {
        await PlacedSuppliersAsync();
        await using var context = ComponentContext.Create(app, Placer, AppRoles.Analyst);
        Navigation(context).NavigateTo("/suppliers?q=Placed");
        var page = context.Render<SuppliersPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-circuit-pausable]")), Wait);

        await page.InvokeAsync(() => page.Find("input[data-testid=supplier-search]").InputAsync(new ChangeEventArgs { Value = "Placed Supplier 1" }));
        Assert.Empty(page.FindAll("[data-circuit-pausable]"));

        await page.InvokeAsync(() => page.Find("input[data-testid=supplier-search]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" }));
        page.WaitForAssertion(() => Assert.Equal(Names(10, 11, 12, 13, 14, 15, 16, 17, 18, 19), SupplierNames(page)), Wait);
        Assert.Single(page.FindAll("[data-circuit-pausable]"));
    }

    [Fact]
    public async Task AssessmentList_OpenedOnASecondPageByName_ShowsTheRowsThatFollowTheFirstPage_MayPause_AndLinksTheOtherQueuesInThatOrder()
    {
        const string analyst = "pages@test";
        for (var i = 0; i < 27; i++)
        {
            await NewDraftAsync(app, analyst);
        }

        var first = await ListAsync(analyst, "/assessments?queue=MyDrafts&sort=-supplier", rows: 25);
        var (second, page, navigation) = await OpenAsync(analyst, "/assessments?queue=MyDrafts&page=2&sort=-supplier", rows: 2);
        await using var context = page.Context;

        var names = first.Concat(second).ToList();
        Assert.Equal(27, names.Distinct().Count());
        Assert.Equal(names.OrderDescending(StringComparer.Ordinal), names);
        Assert.EndsWith("/assessments?queue=MyDrafts&page=2&sort=-supplier", navigation.Uri, StringComparison.Ordinal);
        Assert.Single(page.Page.FindAll("[data-circuit-pausable]"));

        // The queues are links: another queue opens on its first page, in the same order.
        Assert.Equal("My drafts", page.Page.Find("[data-testid=queues] a[aria-current=page]").TextContent);
        Assert.EndsWith("/assessments?queue=Decided&sort=-supplier", page.Page.Find("a[data-queue=Decided]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.EndsWith("/assessments?sort=-supplier", page.Page.Find("a[data-queue=All]").GetAttribute("href"), StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> ListAsync(string analyst, string address, int rows)
    {
        var (names, page, _) = await OpenAsync(analyst, address, rows);
        await page.Context.DisposeAsync();
        return names;
    }

    private Task<(IReadOnlyList<string> Names, (ComponentContext Context, IRenderedComponent<AssessmentsPage> Page) Page, NavigationManager Navigation)> OpenAsync(
        string analyst, string address, int rows)
    {
        var context = ComponentContext.Create(app, analyst, AppRoles.Analyst);
        var navigation = Navigation(context);
        navigation.NavigateTo(address);
        var page = context.Render<AssessmentsPage>();
        page.WaitForAssertion(() => Assert.Equal(rows, page.FindAll("[data-testid=assessment-link]").Count), Wait);
        IReadOnlyList<string> names = [.. page.FindAll("[data-testid=assessment-link]").Select(a => a.TextContent.Trim())];
        return Task.FromResult((names, (context, page), navigation));
    }

    private static NavigationManager Navigation(ComponentContext context) => context.Bunit.Services.GetRequiredService<NavigationManager>();

    private static List<string> SupplierNames(IRenderedComponent<SuppliersPage> page) =>
        [.. page.FindAll("[data-testid=supplier-link]").Select(a => a.TextContent.Trim())];

    private static string PagerInfo(IRenderedComponent<SuppliersPage> page) => page.Find("[data-testid=pager-info]").TextContent.Trim();

    /// <summary>Whether the pager's first, previous, next and last page buttons are disabled.</summary>
    private static bool[] PagerButtonsDisabled(IRenderedComponent<SuppliersPage> page) =>
        [.. new[] { "First", "Previous", "Next", "Last" }.Select(b => page.Find($".grid-pager button[aria-label='{b} page']").HasAttribute("disabled"))];

    private static string[] Names(params int[] numbers) => [.. numbers.Select(n => $"Placed Supplier {n:D2}")];
}
