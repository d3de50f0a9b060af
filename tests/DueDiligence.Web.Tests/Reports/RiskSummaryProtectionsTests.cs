namespace DueDiligence.Web.Tests.Reports;

/// <summary>The "Protections in place" page of the risk summary, read back from the PDF: the demo register's gaps in the supplier's countries.</summary>
[Collection(ReportCollection.Name)]
public sealed class RiskSummaryProtectionsTests(ReportFixture fixture)
{
    [Fact]
    public async Task RiskSummary_OfASupplierWithAVietnameseSite_ListsTheRightsNotRegisteredInVietnamWithTheRoute()
    {
        var text = ReportText.Flatten(await (await fixture.DecidedPdf).TextAsync());

        Assert.Contains("Protections in place", text, StringComparison.Ordinal);
        // The demo register's design protects tooling / moulds in China, Germany and Mexico only; the supplier has a site in Hai Phong.
        Assert.Contains("Our design “Handheld meter housing”, which protects tooling / moulds, is not registered in Vietnam.", text, StringComparison.Ordinal);
        Assert.Contains("Cheapest route: designate it through the Hague system (Vietnam a Hague member since 2019; WIPO Hague status list, 2026).", text, StringComparison.Ordinal);
        Assert.Contains("not a registered right", text, StringComparison.Ordinal);
    }
}
