using Bunit;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Dashboard;
using DueDiligence.Web.Features.Jurisdictions;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Suppliers;

/// <summary>
/// Policy ipdd-2026.2: a subcontractor that handles our IP — or is not confirmed not to — counts in the worst J. The owner
/// answers per subcontractor in the supplier's form (saved and audited); an unanswered one is a to-do on the supplier page
/// and the owner's home page until answered.
/// </summary>
public sealed class SubcontractorIpHandlingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string SevereCountry = "KH";

    [Fact]
    public async Task Update_WhenTheOwnerAnswersWhetherASubcontractorHandlesOurIp_SavesTheAnswerAndAuditsIt()
    {
        var supplierId = await NewSupplierAsync(app);
        await SetSubcontractorAsync(supplierId, SubcontractorIpHandling.NotConfirmed);

        await SetSubcontractorAsync(supplierId, SubcontractorIpHandling.HandlesOurIp);

        var stored = await StoredSubcontractorAsync(supplierId);
        Assert.Equal(SubcontractorIpHandling.HandlesOurIp, stored.IpHandling);
        await using var db = await app.CreateDbContextAsync();
        var audited = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(Subcontractor) && e.EntityKey.Contains(stored.Id.ToString()))
            .Select(e => new { e.Actor, e.Changes }).ToListAsync();
        var added = Assert.Single(audited);
        Assert.Equal(Analyst, added.Actor);
        Assert.Contains("\"IpHandling\"", added.Changes, StringComparison.Ordinal);
        Assert.Contains("HandlesOurIp", added.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveScore_WhenASubcontractorInASevereCountryIsMarkedHandlingOurIp_TakesItsJ()
    {
        await RateSevereAsync();
        var draftId = await NewDraftAsync(app);
        var supplierId = (await LoadAsync(app, draftId)).Supplier.Id;
        await SetSubcontractorAsync(supplierId, SubcontractorIpHandling.DoesNotHandleOurIp);
        var before = (await LoadAsync(app, draftId)).Score;

        await SetSubcontractorAsync(supplierId, SubcontractorIpHandling.HandlesOurIp);

        var view = await LoadAsync(app, draftId);
        Assert.Equal("VN", before.Jurisdiction!.CountryCode);
        Assert.True(before.JurisdictionRisk < 90);
        Assert.Equal(SevereCountry, view.Score.Jurisdiction!.CountryCode);
        Assert.Equal(90, view.Score.JurisdictionRisk);
        Assert.True(view.Score.ResidualRisk > before.ResidualRisk);
        Assert.Equal("ipdd-2026.2", view.Score.PolicyId);
        Assert.Contains(view.Countries, c => c.Jurisdiction.Country.Value == SevereCountry);
    }

    [Fact]
    public async Task LiveScore_WhenThatSubcontractorIsNotConfirmed_CountsItAsHandlingOurIp()
    {
        await RateSevereAsync();
        var draftId = await NewDraftAsync(app);
        var supplierId = (await LoadAsync(app, draftId)).Supplier.Id;

        await SetSubcontractorAsync(supplierId, SubcontractorIpHandling.NotConfirmed);

        Assert.Equal(90, (await LoadAsync(app, draftId)).Score.JurisdictionRisk);
        var detail = await app.AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<SupplierQueries>().GetAsync(supplierId));
        Assert.Equal(SevereCountry, detail!.Worst.Jurisdiction.Country.Value);
    }

    [Fact]
    public async Task SupplierList_WhenFilteredBySevereJurisdiction_FindsTheSupplierOnlyWhileItsSubcontractorCounts()
    {
        await RateSevereAsync();
        var supplierId = await NewSupplierAsync(app);
        await SetSubcontractorAsync(supplierId, SubcontractorIpHandling.HandlesOurIp);
        var counted = await SevereSuppliersAsync();

        await SetSubcontractorAsync(supplierId, SubcontractorIpHandling.DoesNotHandleOurIp);

        Assert.Contains(supplierId, counted);
        Assert.DoesNotContain(supplierId, await SevereSuppliersAsync());
    }

    [Fact]
    public async Task ToDo_WhenASubcontractorIsNotConfirmed_IsListedForTheOwnerOnlyUntilTheOwnerAnswers()
    {
        const string owner = "owner-todo@test";
        var supplierId = await NewSupplierAsync(app, owner: owner);
        await SetSubcontractorAsync(supplierId, SubcontractorIpHandling.NotConfirmed, owner);

        var forOwner = await ToConfirmAsync(owner);
        var forAnotherAnalyst = await ToConfirmAsync(OtherAnalyst);
        await SetSubcontractorAsync(supplierId, SubcontractorIpHandling.DoesNotHandleOurIp, owner);

        var item = Assert.Single(forOwner);
        Assert.Equal(supplierId, item.SupplierId);
        Assert.Equal(["Mekong Moulds (Cambodia) — Moulds machined from our CAD files"], item.Subcontractors);
        Assert.DoesNotContain(forAnotherAnalyst, s => s.SupplierId == supplierId);
        Assert.Empty(await ToConfirmAsync(owner));
    }

    [Fact]
    public async Task HomePage_ForTheOwner_ShowsTheCardWithALinkToTheSuppliersForm()
    {
        const string owner = "owner-home@test";
        var supplierId = await NewSupplierAsync(app, owner: owner);
        await SetSubcontractorAsync(supplierId, SubcontractorIpHandling.NotConfirmed, owner);
        await using var context = ComponentContext.Create(app, owner, AppRoles.Analyst);

        var cut = context.Bunit.Render<Home>();

        cut.WaitForElement("[data-testid=subcontractors-to-confirm-card]", TimeSpan.FromSeconds(10));
        var link = cut.Find("[data-testid=supplier-to-confirm] a");
        Assert.Equal($"/suppliers/{supplierId}/edit", link.GetAttribute("href"));
        Assert.Contains("Subcontractors to confirm", cut.Find("[data-testid=subcontractors-to-confirm-card]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupplierPage_WhenASubcontractorIsNotConfirmed_ListsItAsATodoAndSaysWhyItsCountryCounts()
    {
        const string owner = "owner-page@test";
        var supplierId = await NewSupplierAsync(app, owner: owner);
        await SetSubcontractorAsync(supplierId, SubcontractorIpHandling.NotConfirmed, owner);
        await using var context = ComponentContext.Create(app, owner, AppRoles.Analyst);
        context.Bunit.Render<MudBlazor.MudPopoverProvider>();

        var page = context.Bunit.Render<SupplierDetailPage>(p => p.Add(x => x.Id, supplierId));

        page.WaitForElement("[data-testid=subcontractors-to-confirm]", TimeSpan.FromSeconds(10));
        Assert.Equal("Mekong Moulds (Cambodia) — Moulds machined from our CAD files", page.Find("[data-testid=unconfirmed-subcontractor]").TextContent.Trim());
        Assert.Equal($"/suppliers/{supplierId}/edit", page.Find("[data-testid=confirm-subcontractors]").GetAttribute("href"));
        page.WaitForAssertion(() => page.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == "Jurisdictions").Click());
        page.WaitForAssertion(() => Assert.Contains(
            "subcontractor Mekong Moulds — Moulds machined from our CAD files — not confirmed — counted as handling our IP",
            page.Find($"[data-testid=jurisdiction-table] tr:has([data-country={SevereCountry}])").TextContent,
            StringComparison.Ordinal));
    }

    /// <summary>The owner saves the supplier's form with one subcontractor in the Severe country, answered as given.</summary>
    private async Task SetSubcontractorAsync(Guid supplierId, SubcontractorIpHandling ipHandling, string owner = Analyst)
    {
        var detail = await app.AsUserAsync(owner, AnalystRole, s => s.GetRequiredService<SupplierQueries>().GetAsync(supplierId));
        var input = SupplierInput.From(detail!.Supplier);
        input.Subcontractors = [new SubcontractorInput { Name = "Mekong Moulds", Country = SevereCountry, Activity = "Moulds machined from our CAD files", IpHandling = ipHandling }];
        await app.AsUserAsync(owner, AnalystRole, s => s.GetRequiredService<SupplierCommands>().UpdateAsync(input));
    }

    private async Task<Subcontractor> StoredSubcontractorAsync(Guid supplierId)
    {
        await using var db = await app.CreateDbContextAsync();
        var supplier = await db.Suppliers.AsNoTracking().Include(s => s.Subcontractors).SingleAsync(s => s.Id == supplierId);
        return Assert.Single(supplier.Subcontractors);
    }

    private Task RateSevereAsync() =>
        app.AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<RateJurisdiction>().ExecuteAsync(SevereCountry,
            new RatingInput { Rating = LegalRating.Severe, Rationale = "Mould makers copy freely; no enforcement.", NextReviewOn = DateTime.UtcNow.AddMonths(6) }));

    private async Task<IReadOnlyList<Guid>> SevereSuppliersAsync() =>
        (await app.AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<SupplierQueries>().SearchAsync(new SupplierFilter { JurisdictionLevel = "Severe" }, 0, 500)))
        .Rows.Select(r => r.Id).ToList();

    private Task<IReadOnlyList<SupplierToConfirm>> ToConfirmAsync(string analyst) =>
        app.AsUserAsync(analyst, AnalystRole, s => s.GetRequiredService<SubcontractorsToConfirm>().ForMeAsync());
}
