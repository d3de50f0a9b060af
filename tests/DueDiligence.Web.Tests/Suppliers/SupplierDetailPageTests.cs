using System.Globalization;
using Bunit;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Suppliers;

/// <summary>The supplier page: its actions, its tabs and what they say.</summary>
public sealed class SupplierDetailPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task EditButton_ForTheOwner_IsAnOutlinedPrimaryButtonBesideTheFilledStartAssessment()
    {
        await using var context = ComponentContext.Create(app, await OwnerOfAsync("Brightpath Precision Moulding Co., Ltd."), AppRoles.Analyst);
        var page = await RenderAsync(context, "Brightpath Precision Moulding Co., Ltd.");

        var edit = page.Find("[data-testid=edit-supplier]");
        Assert.Equal("Edit", edit.TextContent.Trim());
        Assert.Contains("mud-button-outlined-primary", edit.ClassList);
        Assert.Contains("mud-button-filled-primary", page.Find("[data-testid=start-assessment-link]").ClassList);
        Assert.EndsWith("/edit", edit.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditButtons_ForAnAnalystWhoIsNeitherOwnerNorCollaborator_AreDisabledWithTheReason()
    {
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var page = await RenderAsync(context, "Brightpath Precision Moulding Co., Ltd.");

        Assert.Equal("Only the owner (Ana Analyst) and collaborators can edit this supplier.", page.Find("[data-testid=edit-refusal]").TextContent.Trim());
        foreach (var action in new[] { "edit-supplier", "start-assessment-link", "mark-offboarded" })
        {
            var button = page.Find($"[data-testid={action}]");
            Assert.True(button.HasAttribute("disabled"), action);
            Assert.Null(button.GetAttribute("href"));
        }

        Assert.Equal("Ana Analyst", page.Find("[data-testid=record-owner]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=transfer-ownership]"));
    }

    [Fact]
    public async Task TeamPanel_ForTheOwner_OffersHandoverAndCollaborators()
    {
        await using var context = ComponentContext.Create(app, await OwnerOfAsync("Brightpath Precision Moulding Co., Ltd."), AppRoles.Analyst);
        var page = await RenderAsync(context, "Brightpath Precision Moulding Co., Ltd.");

        Assert.Empty(page.FindAll("[data-testid=edit-refusal]"));
        Assert.NotNull(page.Find("[data-testid=transfer-ownership]"));
        Assert.NotNull(page.Find("[data-testid=add-collaborator]"));
    }

    [Fact]
    public async Task Page_ForAnExecutive_ShowsNoEditingActions()
    {
        await using var context = ComponentContext.Create(app, "eve@test", AppRoles.Executive);
        var page = await RenderAsync(context, "Brightpath Precision Moulding Co., Ltd.");

        Assert.Empty(page.FindAll("[data-testid=edit-supplier]"));
        Assert.Empty(page.FindAll("[data-testid=start-assessment-link]"));
    }

    [Theory]
    [InlineData("Brightpath Precision Moulding Co., Ltd.", true)] // decided about thirteen months ago, High: due a month ago
    [InlineData("Eastern Seaboard AutoParts Co., Ltd.", false)]
    public async Task ReassessmentDue_IsMarkedOverdueFromTheDayAfterItsDate(string supplier, bool overdue)
    {
        await using var context = ComponentContext.Create(app, "eve@test", AppRoles.Executive);
        var page = await RenderAsync(context, supplier);

        var due = DateOnly.ParseExact(page.Find("[data-testid=reassessment-due]").TextContent.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(overdue, due < DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal(overdue, page.FindAll("[data-testid=reassessment-overdue]").Count == 1);
    }

    [Fact]
    public async Task Overview_CountsSitesSubcontractorsAndContactsInTheRightNumber()
    {
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var page = await RenderAsync(context, "Brightpath Precision Moulding Co., Ltd.");

        Assert.Equal("2 sites · 1 subcontractor · 1 contact · 2 kinds of IP shared", Normalise(page.Find("[data-testid=supplier-counts]").TextContent));
        Assert.Equal(["Overview", "Jurisdictions", "IP rights", "Agreements", "Releases", "Tooling", "Trend", "History"], page.FindAll("[role=tab]").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public async Task HistoryTab_SaysWhatHappenedInWords()
    {
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var page = await RenderAsync(context, "Lotus Delta Electronics JSC");

        // The page may still render what it loads after the name; a click on a tab of an older render is tried again.
        page.WaitForAssertion(() => page.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == "History").Click());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=history]")));
        var what = page.FindAll("[data-testid=history] td[data-label=What]").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("Supplier added", what);
        Assert.Contains("Site added", what);
        Assert.DoesNotContain(what, w => w.Contains("Insert", StringComparison.Ordinal));
        var changes = page.Find("[data-testid=history]").TextContent;
        Assert.DoesNotContain("LegalNameKey", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("ConcurrencyStamp", changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tab_NamedInTheAddress_IsShown_AndAnotherOneChosenIsWrittenThere()
    {
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var page = await RenderAsync(context, "Lotus Delta Electronics JSC", "?tab=history");
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=history]")));
        Assert.Equal("true", page.Find("#supplier-tab-history").GetAttribute("aria-selected"));

        page.WaitForAssertion(() => page.Find("#supplier-tab-trend").Click());

        page.WaitForAssertion(() => Assert.EndsWith("?tab=trend", navigation.Uri, StringComparison.Ordinal));
        Assert.Equal("supplier-panel-trend", Assert.Single(page.FindAll("[role=tabpanel]")).Id);
        Assert.Equal("true", page.Find("#supplier-tab-trend").GetAttribute("aria-selected"));
    }

    [Fact]
    public async Task HistoryTab_WhenTheStatusChangesOnThePage_ReadsTheHistoryAgain()
    {
        const string name = "History Reread Optics Ltd.";
        await app.AsUserAsync("ana@test", [AppRoles.Analyst], s => s.GetRequiredService<SupplierCommands>().CreateAsync(new SupplierInput
        {
            LegalName = name,
            HqCountry = "EE",
            Category = DueDiligence.Domain.Suppliers.SupplierCategory.ContractManufacturer,
            Sites = [new SiteInput { Country = "EE", City = "Tartu", Activities = DueDiligence.Domain.Suppliers.SiteActivity.ComponentManufacturing }],
        }));
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var dialogs = context.Bunit.Render<MudBlazor.MudDialogProvider>();
        var page = await RenderAsync(context, name, "?tab=history");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=history]")));
        Assert.DoesNotContain("Offboarded", page.Find("[data-testid=history]").TextContent, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find("[data-testid=mark-offboarded]").Click());
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-yes]").Click());

        page.WaitForAssertion(() => Assert.Contains("Offboarded", page.Find("[data-testid=history]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_AllowsThePauseOnceShown_AndAnOpenAgreementFormOrATypedClauseReferenceKeepsTheCircuit()
    {
        await using var context = ComponentContext.Create(app, "lee@test", AppRoles.LegalReviewer);
        var page = await RenderAsync(context, "Waferlink Semiconductor Corp.", "?tab=agreements");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=agreement-card]")), TimeSpan.FromSeconds(10));
        Assert.Single(page.FindAll("[data-circuit-pausable]"));
        Assert.Empty(page.FindAll("[data-unsaved]"));

        // A clause reference typed and not recorded (docs/adr/0011: app.js pauses no page with a [data-unsaved] element).
        var record = page.FindAll("[data-testid^=clause-record-]")[0];
        var testId = record.GetAttribute("data-testid");
        await page.InvokeAsync(() => record.QuerySelector("input")!.Input("§ 9.2"));
        page.WaitForAssertion(() => Assert.True(page.Find($"[data-testid={testId}]").HasAttribute("data-unsaved")));

        await page.InvokeAsync(() => page.Find("[data-testid=add-agreement]").Click());
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-unsaved]").Count));
    }

    /// <summary>The supplier's page at its address, with this query (a tab).</summary>
    private async Task<IRenderedComponent<SupplierDetailPage>> RenderAsync(ComponentContext context, string name, string query = "")
    {
        await using var db = await app.CreateDbContextAsync();
        var id = await db.Suppliers.Where(s => s.LegalName == name).Select(s => s.Id).SingleAsync();
        context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo($"/suppliers/{id}{query}");
        context.Bunit.Render<MudBlazor.MudPopoverProvider>();
        var page = context.Bunit.Render<SupplierDetailPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Equal(name, page.Find("[data-testid=supplier-name]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        return page;
    }

    private async Task<string> OwnerOfAsync(string name)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Suppliers.Where(s => s.LegalName == name).Select(s => s.OwnerId).SingleAsync();
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
