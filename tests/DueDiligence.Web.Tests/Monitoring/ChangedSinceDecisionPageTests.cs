using Bunit;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Tests.Ui;
using static DueDiligence.Web.Tests.Monitoring.MonitoringApp;

namespace DueDiligence.Web.Tests.Monitoring;

/// <summary>
/// The queue page's cells: one action or one sentence in every row's action cell, so no row shows a bare label on a phone;
/// R before and after each change, or after alone for a supplier's first position.
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed class ChangedSinceDecisionPageTests(MonitoringApp app)
{
    [Fact]
    public async Task ActionCell_ForAnExecutive_SaysWhoStartsTheReassessment()
    {
        await app.RateAsync("LI", LegalRating.Low);
        var supplier = await app.NewSupplierAsync("LI");
        await app.DecidedAsync(supplier, maturity: 2);
        await app.RateAsync("LI", LegalRating.Severe);

        await using var context = ComponentContext.CreateOn(app.App.Services, Executive, ExecutiveRole);
        var page = context.Bunit.Render<ChangedSinceDecisionPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-supplier='{supplier}']")), TimeSpan.FromSeconds(10));

        var row = page.Find($"[data-supplier='{supplier}']").Closest("tr")!;
        Assert.Empty(row.QuerySelectorAll("[data-testid=start-reassessment]"));
        Assert.Equal("The owner or a collaborator starts the reassessment.", row.QuerySelector("[data-testid=reassess-by-team]")?.TextContent.Trim());
    }

    [Fact]
    public async Task ChangeFigures_OfAFirstPosition_ShowRTodayWithoutAnArrowFromNothing()
    {
        var supplier = await app.NewSupplierAsync(LowCountry);
        await app.DecidedAsync(supplier, maturity: 2, licenceExpiresInDays: 1);
        app.Clock.Advance(TimeSpan.FromDays(2));
        await app.FirstPositionAtStartUpAsync(supplier);

        await using var context = ComponentContext.CreateOn(app.App.Services, Executive, ExecutiveRole);
        var page = context.Bunit.Render<ChangedSinceDecisionPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-supplier='{supplier}']")), TimeSpan.FromSeconds(10));

        var figures = page.Find($"[data-supplier='{supplier}']").Closest("tr")!.QuerySelector("[data-testid=change-figures]")!.TextContent;
        Assert.Matches(@"· system · R \d+\.\d$", figures.Trim());
    }
}
