using Bunit;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Web.Features.Jurisdictions;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DueDiligence.Web.Tests.Jurisdictions;

/// <summary>The jurisdiction list and a country's page as a legal reviewer and an analyst see and use them.</summary>
public sealed class JurisdictionPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Legal = [AppRoles.LegalReviewer];

    [Fact]
    public async Task RatingForm_WhenTheCountryIsRated_IsPrefilledWithTheCurrentRatingAndTheHistoryStays()
    {
        var nextReview = DateTime.UtcNow.Date.AddMonths(8);
        await RateAsync("ID", LegalRating.Moderate, "Enforcement improving, slowly.", nextReview.AddMonths(-2));
        await RateAsync("ID", LegalRating.High, "Raids on counterfeit moulds rarely lead to prosecution.", nextReview,
            enforcement: "Criminal enforcement weak outside Jakarta.", counsel: "Hadiputranto, Hadinoto & Partners");
        await using var context = ComponentContext.Create(app, "legal@test", AppRoles.LegalReviewer);

        var page = context.Render<JurisdictionDetailPage>(p => p.Add(x => x.Code, "ID"));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=rate-form]")), TimeSpan.FromSeconds(10));
        Assert.Equal("High", page.Find("input[data-testid=rating-select]").GetAttribute("value"));
        Assert.Equal("Raids on counterfeit moulds rarely lead to prosecution.", ValueOf(page.Find("[data-testid=rationale]")));
        Assert.Equal(nextReview.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), page.Find("input[data-testid=next-review]").GetAttribute("value"));
        Assert.Equal("Criminal enforcement weak outside Jakarta.", ValueOf(page.Find("[data-testid=enforcement-notes]")));
        Assert.Equal("Hadiputranto, Hadinoto & Partners", ValueOf(page.Find("[data-testid=recommended-counsel]")));
        Assert.Contains("current rating", page.Find("[data-testid=rate-prefilled]").TextContent, StringComparison.Ordinal);
        var history = page.Find("[data-testid=rating-history]").TextContent;
        Assert.Contains("Raids on counterfeit moulds", history, StringComparison.Ordinal);
        Assert.Contains("Enforcement improving, slowly.", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RatingForm_WhenTheCountryIsNotRated_IsEmpty()
    {
        await using var context = ComponentContext.Create(app, "legal@test", AppRoles.LegalReviewer);

        var page = context.Render<JurisdictionDetailPage>(p => p.Add(x => x.Code, "KH"));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=rate-form]")), TimeSpan.FromSeconds(10));
        Assert.True(string.IsNullOrEmpty(page.Find("input[data-testid=rating-select]").GetAttribute("value")));
        Assert.Empty(page.FindAll("[data-testid=rate-prefilled]"));
    }

    [Fact]
    public async Task DetailPage_OfACountryOutsideTheReferenceData_ShowsNoDataNeverZero()
    {
        await app.AsUserAsync("legal@test", Legal, s => s.GetRequiredService<AddJurisdiction>().ExecuteAsync("BT"));
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);

        var page = context.Render<JurisdictionDetailPage>(p => p.Add(x => x.Code, "BT"));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=indicator-table]")), TimeSpan.FromSeconds(10));
        Assert.All(page.FindAll("[data-testid=indicator-value]"), cell => Assert.Equal("no data", cell.TextContent.Trim()));
        Assert.Equal("unknown", page.Find("[data-testid=jurisdiction-baseline]").TextContent.Trim());
        Assert.Equal("Unknown (J = 50)", page.Find("[data-testid=jurisdiction-source]").TextContent.Trim());
        Assert.Contains("not in the shipped reference data", page.Find("[data-testid=no-reference-data]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=rate-form]"));
    }

    [Fact]
    public async Task CountryPage_AllowsThePauseInAHiddenTab_UntilTheRatingFormIsChanged()
    {
        await RateAsync("MY", LegalRating.Moderate, "Courts hear licence disputes within a year.", DateTime.UtcNow.Date.AddMonths(6));
        await using var context = ComponentContext.Create(app, "legal@test", AppRoles.LegalReviewer);
        var page = context.Render<JurisdictionDetailPage>(p => p.Add(x => x.Code, "MY"));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=rate-form]")), TimeSpan.FromSeconds(10));

        // Filled with the current rating, nothing is only on the page.
        Assert.Single(page.FindAll("[data-circuit-pausable]"));
        Assert.Empty(page.FindAll("[data-unsaved]"));

        // A rationale being changed is only on the page: the page keeps its circuit (docs/adr/0011).
        await page.Find("textarea[data-testid=rationale]").InputAsync(new ChangeEventArgs { Value = "Courts hear licence disputes within two years." });
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=rate-section][data-unsaved]")), TimeSpan.FromSeconds(5));

        // Back to what is saved, the mark goes.
        await page.Find("textarea[data-testid=rationale]").InputAsync(new ChangeEventArgs { Value = "Courts hear licence disputes within a year." });
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=rate-section][data-unsaved]")), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ListPage_ShowsTurkiyeBeforeTuvalu()
    {
        await app.AsUserAsync("legal@test", Legal, s => s.GetRequiredService<AddJurisdiction>().ExecuteAsync("TV"));
        await using var context = ComponentContext.Create(app, "eve@test", AppRoles.Executive);

        var page = context.Render<JurisdictionsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=jurisdiction-link]")), TimeSpan.FromSeconds(10));
        var names = page.FindAll("[data-testid=jurisdiction-link]").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Türkiye", names);
        Assert.Contains("Tuvalu", names);
        Assert.True(names.IndexOf("Türkiye") < names.IndexOf("Tuvalu"), string.Join(", ", names));
        Assert.Empty(page.FindAll("[data-testid=add-country]"));
    }

    [Fact]
    public async Task ListPage_KeepsItsSearchPageAndSortInTheAddress_AndOpensAgainFromIt()
    {
        await using var context = ComponentContext.Create(app, "eve@test", AppRoles.Executive);
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/jurisdictions");
        var page = context.Render<JurisdictionsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=jurisdiction-link]")), TimeSpan.FromSeconds(10));
        Assert.Single(page.FindAll("[data-circuit-pausable]"));
        var all = page.FindAll("[data-testid=jurisdiction-link]").Count;

        // A search applies as it is typed, and names itself in the address (the entry replaced).
        await page.Find("input[data-testid=jurisdiction-search]").InputAsync(new ChangeEventArgs { Value = "in" });
        page.WaitForAssertion(() => Assert.EndsWith("/jurisdictions?q=in", navigation.Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        page.WaitForAssertion(() =>
        {
            var matching = page.FindAll("[data-testid=jurisdiction-link]").Select(a => a.TextContent.Trim()).ToList();
            Assert.Contains("India", matching);
            Assert.DoesNotContain("Japan", matching);
        }, TimeSpan.FromSeconds(5));

        // Sorted by J, highest first, and the page is kept in the address too.
        page.FindAll(".mud-table-head th").First(h => h.TextContent.Trim() == "J").QuerySelector(".sortable-column-header")!.Click();
        page.FindAll(".mud-table-head th").First(h => h.TextContent.Trim() == "J").QuerySelector(".sortable-column-header")!.Click();
        page.WaitForAssertion(() => Assert.EndsWith("/jurisdictions?q=in&sort=-j", navigation.Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        page.WaitForAssertion(() =>
        {
            var highestFirst = page.FindAll("[data-testid=jurisdiction-j] .figure").Select(f => double.Parse(f.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.True(highestFirst.Count > 1);
            Assert.Equal(highestFirst.OrderByDescending(j => j), highestFirst);
        }, TimeSpan.FromSeconds(5));

        // A new circuit (a reload, a link, a page that paused in a hidden tab) shows the same rows from the address alone.
        await using var reopened = ComponentContext.Create(app, "eve@test", AppRoles.Executive);
        reopened.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/jurisdictions?q=in&sort=-j");
        var again = reopened.Render<JurisdictionsPage>();
        again.WaitForAssertion(() => Assert.Equal(page.FindAll("[data-testid=jurisdiction-link]").Select(a => a.TextContent), again.FindAll("[data-testid=jurisdiction-link]").Select(a => a.TextContent)), TimeSpan.FromSeconds(10));
        Assert.Equal("in", again.Find("input[data-testid=jurisdiction-search]").GetAttribute("value"));

        // The second page of 25, as its address names it.
        reopened.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/jurisdictions?page=2&size=25");
        again.WaitForAssertion(() => Assert.Equal($"26–{all} of {all}", again.Find("[data-testid=pager-info]").TextContent.Trim()), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AddACountry_AsLegalReviewer_PicksAnyIsoCountryAndOpensItsPageToRateIt()
    {
        await using var context = ComponentContext.Create(app, "legal@test", AppRoles.LegalReviewer);
        var popovers = context.Bunit.Render<MudPopoverProvider>();
        var page = context.Bunit.Render<JurisdictionsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=add-country]")), TimeSpan.FromSeconds(10));

        await page.Find("input[data-testid=add-country-picker]").InputAsync(new ChangeEventArgs { Value = "Vanuatu" });
        popovers.WaitForAssertion(() => Assert.Contains("Vanuatu (VU)", popovers.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        await popovers.FindAll(".mud-list-item").First(i => i.TextContent.Contains("Vanuatu", StringComparison.Ordinal)).ClickAsync(new());
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=add-country-button]").HasAttribute("disabled")), TimeSpan.FromSeconds(5));
        await page.Find("[data-testid=add-country-button]").ClickAsync(new());

        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/jurisdictions/VU", navigation.Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        var vanuatu = await app.AsUserAsync("eve@test", [AppRoles.Executive], s => s.GetRequiredService<JurisdictionQueries>().GetAsync("VU"));
        Assert.Contains(await app.AsUserAsync("eve@test", [AppRoles.Executive], s => s.GetRequiredService<JurisdictionQueries>().ListAsync()), r => r.Code == "VU");
        Assert.True(vanuatu!.Country.Risk.IsUnknown);
    }

    private static string? ValueOf(AngleSharp.Dom.IElement element) =>
        element.GetAttribute("value") ?? element.TextContent;

    private Task<JurisdictionRating> RateAsync(string country, LegalRating rating, string rationale, DateTime nextReview, string? enforcement = null, string? counsel = null) =>
        app.AsUserAsync("legal@test", Legal, s => s.GetRequiredService<RateJurisdiction>().ExecuteAsync(country,
            new RatingInput { Rating = rating, Rationale = rationale, NextReviewOn = nextReview, EnforcementNotes = enforcement, RecommendedCounsel = counsel }));
}
