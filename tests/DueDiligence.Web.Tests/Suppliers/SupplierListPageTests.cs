using Bunit;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Suppliers;

/// <summary>The supplier list as a user works it: search, filters in the address, export links that follow them.</summary>
public sealed class SupplierListPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SearchBox_WhenEnterIsPressed_ShowsOnlyTheMatchingSuppliersAndPutsTheSearchInTheAddressAndTheExports()
    {
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var page = context.Render<SuppliersPage>();
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=supplier-link]").Count > 1), TimeSpan.FromSeconds(10));

        // Found and used in one step: the page renders again as its grid loads, which replaces the element's handlers.
        await page.InvokeAsync(() => page.Find("input[data-testid=supplier-search]").InputAsync(new ChangeEventArgs { Value = "lotus" }));
        await page.InvokeAsync(() => page.Find("input[data-testid=supplier-search]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" }));

        page.WaitForAssertion(() => Assert.Equal(["Lotus Delta Electronics JSC"], page.FindAll("[data-testid=supplier-link]").Select(a => a.TextContent.Trim())), TimeSpan.FromSeconds(10));
        Assert.EndsWith("/suppliers?q=lotus", context.Bunit.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Equal("/suppliers/export.csv?q=lotus", page.Find("[data-testid=export-csv]").GetAttribute("href"));
        Assert.Equal("/suppliers/export.xlsx?q=lotus", page.Find("[data-testid=export-xlsx]").GetAttribute("href"));
    }

    [Fact]
    public async Task SearchBox_WhileTyping_LeavesTheListAsItIsUntilEnter()
    {
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var page = context.Render<SuppliersPage>();
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=supplier-link]").Count > 1), TimeSpan.FromSeconds(10));
        var before = page.FindAll("[data-testid=supplier-link]").Count;

        await page.InvokeAsync(() => page.Find("input[data-testid=supplier-search]").InputAsync(new ChangeEventArgs { Value = "lotus" }));

        Assert.Equal(before, page.FindAll("[data-testid=supplier-link]").Count);
        Assert.Equal("/suppliers/export.csv", page.Find("[data-testid=export-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task StatusFilter_ChosenInItsSelect_ShowsOnlyThatStatusAndPutsItInTheAddress_AndAllShowsEverySupplierAgain()
    {
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        var page = context.Render<SuppliersPage>();
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=supplier-link]").Count > 1), TimeSpan.FromSeconds(10));
        var all = page.FindAll("[data-testid=supplier-link]").Count;
        Assert.Equal(
            ["All", .. Enum.GetValues<SupplierStatus>().Select(SupplierLabels.Of)],
            page.FindAll("select[data-testid=status-filter] option").Select(o => o.TextContent));

        await page.InvokeAsync(() => page.Find("select[data-testid=status-filter]").ChangeAsync(new ChangeEventArgs { Value = nameof(SupplierStatus.Prospect) }));

        page.WaitForAssertion(() =>
        {
            var statuses = page.FindAll("[data-testid=row-status]").Select(s => s.TextContent.Trim()).ToList();
            Assert.NotEmpty(statuses);
            Assert.True(statuses.Count < all);
            Assert.All(statuses, s => Assert.Equal("Prospect", s));
        }, TimeSpan.FromSeconds(10));
        Assert.EndsWith("/suppliers?status=Prospect", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("/suppliers/export.csv?status=Prospect", page.Find("[data-testid=export-csv]").GetAttribute("href"));
        Assert.Equal("Prospect", page.Find("select[data-testid=status-filter]").GetAttribute("value"));

        await page.InvokeAsync(() => page.Find("select[data-testid=status-filter]").ChangeAsync(new ChangeEventArgs { Value = "" }));

        page.WaitForAssertion(() => Assert.Equal(all, page.FindAll("[data-testid=supplier-link]").Count), TimeSpan.FromSeconds(10));
        Assert.EndsWith("/suppliers", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("/suppliers/export.csv", page.Find("[data-testid=export-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task OwnerFilter_FromAnAddressWithAnOwnerTheListDoesNotHave_ShowsThatValueInItsSelect()
    {
        await using var context = ComponentContext.Create(app, "eve@test", AppRoles.Executive);
        context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/suppliers?owner=someone-no-longer-here");
        var page = context.Render<SuppliersPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-suppliers]")), TimeSpan.FromSeconds(10));
        var owner = page.Find("select[data-testid=owner-filter]");
        Assert.Equal("someone-no-longer-here", owner.GetAttribute("value"));
        Assert.Equal("someone-no-longer-here", owner.QuerySelectorAll("option").Last().GetAttribute("value"));
    }

    [Fact]
    public async Task Page_WhenTheAddressCarriesFilters_ShowsOnlyMatchingSuppliersAndOffersToClearThem()
    {
        await using var context = ComponentContext.Create(app, "eve@test", AppRoles.Executive);
        context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/suppliers?country=VN");
        var page = context.Render<SuppliersPage>();

        // Waferlink has its HQ in Taiwan and a packaging site in Vietnam.
        page.WaitForAssertion(() => Assert.Equal(
            ["Lotus Delta Electronics JSC", "Waferlink Semiconductor Corp."],
            page.FindAll("[data-testid=supplier-link]").Select(a => a.TextContent.Trim())), TimeSpan.FromSeconds(10));
        Assert.Equal("/suppliers/export.csv?country=VN", page.Find("[data-testid=export-csv]").GetAttribute("href"));

        await page.InvokeAsync(() => page.Find("[data-testid=clear-filters]").ClickAsync(new MouseEventArgs()));

        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=supplier-link]").Count > 2), TimeSpan.FromSeconds(10));
        Assert.Equal("/suppliers/export.csv", page.Find("[data-testid=export-csv]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=new-supplier]"));
    }

    [Fact]
    public async Task Grid_Headers_CarryNoColumnMenu_ForAMenuThatOnlyUnsorted()
    {
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var page = context.Render<SuppliersPage>();
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=supplier-link]").Count > 1), TimeSpan.FromSeconds(10));

        Assert.NotEmpty(page.FindAll("th .sort-direction-icon"));
        Assert.Empty(page.FindAll("th .mud-menu"));
    }

    [Fact]
    public async Task Grid_ForAnAnalyst_ShowsHqCountriesByNameAndTheWayToAddSuppliers()
    {
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var page = context.Render<SuppliersPage>();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=supplier-link]"), a => a.TextContent.Trim() == "Anatolia Technical Textiles A.Ş."), TimeSpan.FromSeconds(10));
        var anatolia = page.FindAll("tr").First(r => r.TextContent.Contains("Anatolia Technical Textiles", StringComparison.Ordinal));
        Assert.Contains("Türkiye", anatolia.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=new-supplier]"));
    }
}
