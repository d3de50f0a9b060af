using Bunit;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Sourcing;
using DueDiligence.Web.Features.Sourcing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DueDiligence.Web.Tests.Sourcing;

/// <summary>The candidate picker and the partner choice as an analyst and an executive use them.</summary>
public sealed class SourcingComponentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly SourcingScenario _scenario = new(app);

    [Fact]
    public async Task CandidatePicker_WithTwelveMatchingSuppliers_ListsAllTwelveAndAddsTheLast()
    {
        var (project, stem, names) = await CandidateSearchTests.TwelveSuppliersAsync(app);
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var popovers = context.Bunit.Render<MudPopoverProvider>();
        var added = 0;
        var picker = context.Bunit.Render<CandidatePicker>(p => p
            .Add(x => x.ProjectId, project)
            .Add(x => x.Added, EventCallback.Factory.Create(this, () => added++)));

        await picker.Find("input[data-testid=candidate-search]").InputAsync(new ChangeEventArgs { Value = stem });

        popovers.WaitForAssertion(() => Assert.Equal(12, popovers.FindAll("[data-testid=option-name]").Count), TimeSpan.FromSeconds(10));
        Assert.Equal(names, popovers.FindAll("[data-testid=option-name]").Select(o => o.TextContent.Trim()));
        Assert.Empty(popovers.FindAll("[data-testid=more-suppliers]"));
        await popovers.FindAll("[data-testid=supplier-option]")[11].ClickAsync(new());
        picker.WaitForAssertion(() => Assert.False(picker.Find("[data-testid=add-candidate]").HasAttribute("disabled")), TimeSpan.FromSeconds(5));
        await picker.Find("[data-testid=add-candidate]").ClickAsync(new());

        picker.WaitForAssertion(() => Assert.Equal(1, added), TimeSpan.FromSeconds(5));
        var view = await _scenario.ViewAsync(project);
        Assert.Equal(names[11], Assert.Single(view!.Comparison.Candidates).SupplierName);
    }

    [Fact]
    public async Task ProjectList_KeepsItsSortAndPageInTheAddress_AndOpensAgainFromIt()
    {
        foreach (var letter in "ABCDEFGHIJKL")
        {
            await _scenario.ProjectAsync(SourcingScenario.Name($"{letter} list order"));
        }

        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/sourcing?sort=-name");
        var page = context.Bunit.Render<SourcingProjectsPage>();

        // Opened from the address: names in reverse reading order, and the page may pause in a hidden tab.
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=project-link]")), TimeSpan.FromSeconds(10));
        var names = page.FindAll("[data-testid=project-link]").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(names.Order(Format.ReadingOrder).Reverse(), names);
        Assert.Single(page.FindAll("[data-circuit-pausable]"));

        // Ten a page, then the second page: the address follows (the entry replaced), and a new circuit opens the same rows.
        page.Find(".grid-pager select").Change("10");
        page.WaitForAssertion(() => Assert.Equal("size=10&sort=-name", QueryOf(navigation.Uri)), TimeSpan.FromSeconds(5));
        page.Find("[aria-label='Next page']").Click();
        page.WaitForAssertion(() => Assert.Equal("page=2&size=10&sort=-name", QueryOf(navigation.Uri)), TimeSpan.FromSeconds(5));
        var second = page.FindAll("[data-testid=project-link]").Select(a => a.TextContent).ToList();
        await using var reopened = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        reopened.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/sourcing?page=2&size=10&sort=-name");
        var again = reopened.Bunit.Render<SourcingProjectsPage>();
        again.WaitForAssertion(() => Assert.Equal(second, again.FindAll("[data-testid=project-link]").Select(a => a.TextContent)), TimeSpan.FromSeconds(10));
    }

    /// <summary>An address's parameters in name order, whatever order the page wrote them in.</summary>
    private static string QueryOf(string uri) => string.Join("&", new Uri(uri).Query.TrimStart('?').Split('&').Order(StringComparer.Ordinal));

    [Fact]
    public async Task CandidatePicker_WhenMoreSuppliersMatchThanItLists_SaysHowManyMatchInAll()
    {
        var stem = $"Lantern Casting {Guid.NewGuid().ToString("N")[..6]}";
        foreach (var number in Enumerable.Range(1, SourcingQueries.PickerResults + 2))
        {
            await _scenario.SupplierAsync($"{stem} {number:00}");
        }

        var project = await _scenario.ProjectAsync($"Many {stem}");
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var popovers = context.Bunit.Render<MudPopoverProvider>();
        var picker = context.Bunit.Render<CandidatePicker>(p => p.Add(x => x.ProjectId, project));

        await picker.Find("input[data-testid=candidate-search]").InputAsync(new ChangeEventArgs { Value = stem });

        popovers.WaitForAssertion(
            () => Assert.Equal($"Showing {SourcingQueries.PickerResults} of {SourcingQueries.PickerResults + 2} matching suppliers: type more of the name to narrow the list.",
                popovers.Find("[data-testid=more-suppliers]").TextContent.Trim()),
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ProjectPage_AllowsThePauseInAHiddenTab_AndAComponentBeingAddedKeepsTheCircuit()
    {
        var project = await _scenario.ProjectAsync(SourcingScenario.Name("Paused project"));
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var page = context.Bunit.Render<SourcingProjectPage>(p => p.Add(x => x.Id, project));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=bom-name]")), TimeSpan.FromSeconds(10));

        // Everything shown is in the database; the forms stand empty (their marks are read in the browser: app.js).
        Assert.Single(page.FindAll("[data-circuit-pausable]"));
        Assert.Empty(page.FindAll("[data-unsaved]"));
        Assert.NotEmpty(page.FindAll("[data-testid=candidate-picker][data-unsaved-area]"));

        // A component's name being typed is only on the page.
        await page.Find("input[data-testid=bom-name]").InputAsync(new ChangeEventArgs { Value = "Main board firmware" });
        page.WaitForAssertion(() => Assert.NotNull(page.Find("form.bom-form[data-unsaved]")), TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("confirm-cancel", SourcingStatus.Open)]
    [InlineData("confirm-yes", SourcingStatus.Decided)]
    public async Task PartnerChoiceForm_WhenRecording_AsksToConfirmFirstAndRecordsOnlyOnConfirm(string button, SourcingStatus expected)
    {
        var supplier = await _scenario.SupplierAsync(SourcingScenario.Name("Chosen Works"));
        await _scenario.AssessmentAsync(supplier, 0.8, AssessmentStatus.Decided, DateTime.UtcNow.AddDays(-10));
        var project = await _scenario.ProjectAsync("Confirmed choice", supplier);
        await using var context = ComponentContext.Create(app, "eve@test", AppRoles.Executive);
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var popovers = context.Bunit.Render<MudPopoverProvider>();
        var page = context.Bunit.Render<SourcingProjectPage>(p => p.Add(x => x.Id, project));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=choice-form]")), TimeSpan.FromSeconds(10));

        await page.Find("[data-testid=choice-form] .mud-select .mud-input-control").MouseDownAsync(new());
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-list-item")), TimeSpan.FromSeconds(5));
        await popovers.FindAll(".mud-list-item")[0].ClickAsync(new());
        await page.Find("textarea[data-testid=choice-memo]").ChangeAsync(new ChangeEventArgs { Value = "Only candidate; moulds stay ours." });
        // The submit waits for the confirmation: it completes once the dialog is answered.
        var submit = page.Find("[data-testid=choice-form]").SubmitAsync();

        dialogs.WaitForAssertion(() => Assert.Contains("This closes “Confirmed choice”", dialogs.Find("[data-testid=confirm-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.Equal(SourcingStatus.Open, (await _scenario.ViewAsync(project))!.Project.Status);
        await dialogs.Find($"[data-testid={button}]").ClickAsync(new());
        await submit.WaitAsync(TimeSpan.FromSeconds(10));

        page.WaitForAssertion(() => Assert.Equal(expected == SourcingStatus.Decided ? "Partner chosen" : "Open", page.Find("[data-testid=project-status]").TextContent), TimeSpan.FromSeconds(5));
        Assert.Equal(expected, (await _scenario.ViewAsync(project))!.Project.Status);
    }
}
