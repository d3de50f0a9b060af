using Bunit;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Tests.Ui;
using static DueDiligence.Web.Tests.Monitoring.MonitoringApp;

namespace DueDiligence.Web.Tests.Monitoring;

/// <summary>
/// A supplier's page says when the supplier is on the "Changed since decision" queue: the tier at the decision and today,
/// and what changed; to those who see it on the queue, and to nobody for a supplier that is not on it.
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed class SupplierChangedNoticeTests(MonitoringApp app)
{
    [Fact]
    public async Task Notice_OfASupplierWhoseCountryWasReRated_ShowsBothTiersAndTheReRating()
    {
        await app.RateAsync("SM", LegalRating.Low);
        var changed = await app.NewSupplierAsync("SM");
        await app.DecidedAsync(changed, maturity: 2);
        var unchanged = await app.NewSupplierAsync(LowCountry);
        await app.DecidedAsync(unchanged, maturity: 2);
        await app.RateAsync("SM", LegalRating.Severe);

        await using var context = ComponentContext.CreateOn(app.App.Services, Executive, ExecutiveRole);
        var notice = context.Bunit.Render<SupplierChangedNotice>(p => p.Add(n => n.SupplierId, changed));
        notice.WaitForAssertion(() => Assert.NotEmpty(notice.FindAll("[data-testid=supplier-changed-since-decision]")), TimeSpan.FromSeconds(10));

        var text = notice.Find("[data-testid=supplier-changed-since-decision]").TextContent;
        Assert.Contains("Changed since the decision.", text, StringComparison.Ordinal);
        Assert.Equal("High R 57.0", Normalized(notice.Find("[data-testid=supplier-live-tier]").TextContent));
        Assert.Equal("San Marino re-rated Low → Severe", Normalized(notice.Find("[data-testid=supplier-changes] li").FirstChild!.TextContent));

        var quiet = context.Bunit.Render<SupplierChangedNotice>(p => p.Add(n => n.SupplierId, unchanged));
        Assert.Empty(quiet.Markup.Trim());
    }

    [Fact]
    public async Task Notice_ForAnAnalystOutsideTheSuppliersTeam_IsNotShown_AsTheQueueDoesNotShowIt()
    {
        await app.RateAsync("ME", LegalRating.Low);
        var supplier = await app.NewSupplierAsync("ME");
        await app.DecidedAsync(supplier, maturity: 2);
        await app.RateAsync("ME", LegalRating.Severe);

        await using (var owner = ComponentContext.CreateOn(app.App.Services, Analyst, AnalystRole))
        {
            var shown = owner.Bunit.Render<SupplierChangedNotice>(p => p.Add(n => n.SupplierId, supplier));
            shown.WaitForAssertion(() => Assert.NotEmpty(shown.FindAll("[data-testid=supplier-changed-since-decision]")), TimeSpan.FromSeconds(10));
        }

        await using var other = ComponentContext.CreateOn(app.App.Services, OtherAnalyst, AnalystRole);
        var notice = other.Bunit.Render<SupplierChangedNotice>(p => p.Add(n => n.SupplierId, supplier));
        Assert.Empty(notice.Markup.Trim());
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
