using Bunit;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Reassessments.QuestionnaireApp;

namespace DueDiligence.Web.Tests.Reassessments;

/// <summary>The screens of a reassessment: the supplier's action, the wizard's carried sections, the comparison page.</summary>
public sealed partial class ReassessmentTests
{
    [Fact]
    public async Task SupplierPage_OffersStartReassessmentToTheTeamOnly_AndShowsTheTrend()
    {
        var (supplierId, previousId) = app.TakeDecidedSupplier();

        await using (var owner = ComponentContext.CreateOn(app.App.Services, Analyst, AppRoles.Analyst))
        {
            var page = RenderSupplier(owner, supplierId);
            page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=start-reassessment]").HasAttribute("disabled")));
            page.WaitForAssertion(() => page.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == "Trend").Click());
            page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=trend-point]")));
            Assert.Contains($"/assessments/{previousId}", page.Find("[data-testid=trend-point] a").GetAttribute("href"), StringComparison.Ordinal);
        }

        await using (var other = ComponentContext.CreateOn(app.App.Services, OtherAnalyst, AppRoles.Analyst))
        {
            var page = RenderSupplier(other, supplierId);
            page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=start-reassessment]").HasAttribute("disabled")));
        }

        await using (var executive = ComponentContext.CreateOn(app.App.Services, Executive, AppRoles.Executive))
        {
            var page = RenderSupplier(executive, supplierId);
            page.WaitForAssertion(() => page.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == "Trend").Click());
            page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=trend-point]")), TimeSpan.FromSeconds(10));
            Assert.Empty(page.FindAll("[data-testid=start-reassessment]"));
        }
    }

    [Fact]
    public async Task Wizard_MarksCarriedSectionsUntilConfirmed_ListsWhatWasNotCarried_AndLinksTheComparison()
    {
        var (supplierId, _) = app.TakeDecidedSupplier();
        var id = await app.ReassessAsync(supplierId);
        await using var context = ComponentContext.CreateOn(app.App.Services, Analyst, AppRoles.Analyst);

        var page = context.Render<AssessmentPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=carried-unconfirmed]")), TimeSpan.FromSeconds(10));
        Assert.StartsWith("Carried forward — confirm still accurate.", page.Find("[data-testid=carried-unconfirmed]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("carried forward: to confirm", page.Find("[data-testid=step-GV]").TextContent, StringComparison.Ordinal);
        Assert.Equal("No longer asked: SC-02 Describe the visitor policy..", page.Find("[data-testid=no-longer-asked]").TextContent.Trim());
        Assert.Contains("“On the shop floor” is no longer offered", page.Find("[data-testid=not-carried]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"/assessments/{id}/changes", page.Find("[data-testid=changes-link]").GetAttribute("href"));
        Assert.Contains("1 section still to confirm", page.Find("[data-testid=carry-forward]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=confirm-section]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=carried-confirmed]")), TimeSpan.FromSeconds(10));
        Assert.Contains("every carried section is confirmed", page.Find("[data-testid=carry-forward]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("to confirm", page.Find("[data-testid=step-GV]").TextContent, StringComparison.Ordinal);
        await using var db = await app.CreateDbContextAsync();
        Assert.True((await db.Assessments.Include(a => a.CarriedSections).SingleAsync(a => a.Id == id)).CarriedSections.Single().IsConfirmed);
    }

    [Fact]
    public async Task ChangesPage_ShowsTheRiskSectionsAndChangedAnswers()
    {
        var (supplierId, _) = app.TakeDecidedSupplier();
        var id = await app.ReassessAsync(supplierId);
        await using var context = ComponentContext.CreateOn(app.App.Services, Legal, AppRoles.LegalReviewer);

        var page = context.Render<AssessmentChangesPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=changes-figures]")), TimeSpan.FromSeconds(10));
        Assert.Equal(2, page.FindAll("[data-testid=changes-sections] tbody tr").Count);
        var changed = page.FindAll("[data-testid=changes-answers] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, changed.Count);
        Assert.Contains(changed, row => row.Contains("GV-02", StringComparison.Ordinal) && row.Contains("Level 3 (Managed)", StringComparison.Ordinal));
        Assert.DoesNotContain(changed, row => row.Contains("GV-01", StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=changes-knockouts]")); // no knock-out changed: one line says so, no table of repeats
        Assert.Equal("Unchanged: GV-01 (Not triggered); SC-01 (Not triggered).", page.Find("[data-testid=changes-knockouts-unchanged]").TextContent.Trim());
        Assert.Single(page.FindAll("[data-circuit-pausable]"));

        // The unchanged answers too: the choice is in the address (?all=true), as a reload or a resumed circuit reads it.
        var toggle = page.Find("[data-testid=changes-show-all]");
        await page.InvokeAsync(() => (toggle.TagName == "INPUT" ? toggle : toggle.QuerySelector("input")!).Change(true));
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("?all=true", navigation.Uri, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=changes-answers] tbody tr"), row => row.TextContent.Contains("GV-01", StringComparison.Ordinal)));
    }

    private static IRenderedComponent<SupplierDetailPage> RenderSupplier(ComponentContext context, Guid supplierId)
    {
        context.Bunit.Render<MudBlazor.MudPopoverProvider>();
        var page = context.Bunit.Render<SupplierDetailPage>(p => p.Add(x => x.Id, supplierId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=supplier-name]")), TimeSpan.FromSeconds(10));
        return page;
    }
}
