using System.Globalization;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Suppliers;
using static DueDiligence.Web.Tests.Monitoring.MonitoringApp;

namespace DueDiligence.Web.Tests.Monitoring;

/// <summary>
/// Each trigger of the monitoring puts exactly the decided suppliers whose position got worse on the "Changed since
/// decision" queue, with what changed, and nothing else. Every test uses countries of its own.
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed class ChangedSinceDecisionTriggerTests(MonitoringApp app)
{
    [Fact]
    public async Task RateJurisdiction_WhenACountryIsReRatedSevere_QueuesOnlyDecidedSuppliersExposedThereWhoseTierWorsened()
    {
        const string country = "LU";
        await app.RateAsync(country, LegalRating.Low);
        var siteThere = await app.NewSupplierAsync(LowCountry, [country]);
        await app.DecidedAsync(siteThere, maturity: 2); // J 15: R 34.5, Medium
        var strongControls = await app.NewSupplierAsync(country);
        await app.DecidedAsync(strongControls, maturity: 4); // R 11.5, Low; at J 90 R 19.0, still Low
        var notDecided = await app.NewSupplierAsync(country);
        await app.SubmittedAsync(notDecided, maturity: 2);
        var elsewhere = await app.NewSupplierAsync(LowCountry);
        await app.DecidedAsync(elsewhere, maturity: 2);
        Guid[] suppliers = [siteThere, strongControls, notDecided, elsewhere];
        Assert.Empty(await app.QueueAsync(suppliers));

        await app.RateAsync(country, LegalRating.Severe);

        var row = Assert.Single(await app.QueueAsync(suppliers));
        Assert.Equal(siteThere, row.SupplierId);
        Assert.Equal((RiskTier.Medium, 34.5), (row.Decided.Tier, Round(row.Decided.ResidualRisk)));
        Assert.Equal((RiskTier.High, 57.0), (row.Live.Tier, Round(row.Live.ResidualRisk)));
        var change = Assert.Single(row.Changes); // the re-rating only: the decision is the baseline, not a change since itself
        Assert.Equal("Luxembourg re-rated Low → Severe", change.What);
        Assert.Equal(Legal, change.ByName);
        Assert.Equal((34.5, 57.0), (Round(change.Before.ResidualRisk), Round(change.After.ResidualRisk)));
        Assert.Equal(RiskTier.High, (await app.PositionAsync(notDecided)).LiveTier);
    }

    [Fact]
    public async Task RateJurisdiction_WhenTheCountryImprovesAgain_TakesTheSupplierOffTheQueue()
    {
        const string country = "MT";
        await app.RateAsync(country, LegalRating.Low);
        var supplier = await app.NewSupplierAsync(LowCountry, [country]);
        await app.DecidedAsync(supplier, maturity: 2);
        await app.RateAsync(country, LegalRating.Severe);
        Assert.Single(await app.QueueAsync([supplier]));

        await app.RateAsync(country, LegalRating.Low);

        Assert.Empty(await app.QueueAsync([supplier]));
        var position = await app.PositionAsync(supplier);
        Assert.Equal((RiskTier.Medium, false, null), (position.LiveTier, position.ChangedSinceDecision, position.ChangeReason));
    }

    [Fact]
    public async Task DailyCheck_WhenVerifiedEvidenceExpires_QueuesTheSupplierWithTheExpiredFile()
    {
        var expiring = await app.NewSupplierAsync(LowCountry);
        await app.DecidedAsync(expiring, maturity: 4, evidenceExpiresInDays: 30); // verified: C 100, R 11.5, Low
        var lasting = await app.NewSupplierAsync(LowCountry);
        await app.DecidedAsync(lasting, maturity: 4, evidenceExpiresInDays: 400);
        Guid[] suppliers = [expiring, lasting];

        await app.AfterDaysAsync(29);
        Assert.Empty(await app.QueueAsync(suppliers));

        await app.AfterDaysAsync(1);

        var row = Assert.Single(await app.QueueAsync(suppliers));
        Assert.Equal(expiring, row.SupplierId);
        Assert.Equal((RiskTier.Low, RiskTier.Medium), (row.Decided.Tier, row.Live.Tier)); // C 50: R 34.5
        Assert.StartsWith("Evidence expired: access-control-audit.pdf (SC-01, ", row.Reason, StringComparison.Ordinal);
        Assert.Equal("system", Assert.Single(row.Changes, c => c.What == row.Reason).ByName);
    }

    [Fact]
    public async Task DailyCheck_WhenTheLicenceDateAnsweredPasses_QueuesTheSupplierAsCriticalWithTheKnockOut()
    {
        var expiring = await app.NewSupplierAsync(LowCountry);
        await app.DecidedAsync(expiring, maturity: 2, licenceExpiresInDays: 20);
        var lasting = await app.NewSupplierAsync(LowCountry);
        await app.DecidedAsync(lasting, maturity: 2, licenceExpiresInDays: 400);
        Guid[] suppliers = [expiring, lasting];

        await app.AfterDaysAsync(19);
        Assert.Empty(await app.QueueAsync(suppliers));

        await app.AfterDaysAsync(1); // the licence's last day: a date on or before today knocks out

        var row = Assert.Single(await app.QueueAsync(suppliers));
        Assert.Equal((expiring, RiskTier.Critical), (row.SupplierId, row.Live.Tier));
        Assert.NotEqual(RiskTier.Critical, row.Decided.Tier);
        Assert.Equal($"Knock-out: the date answered to {LicenceQuestionCode} ({Iso(app.Today)}) has passed", row.Reason);
    }

    [Fact]
    public async Task StartUpRecompute_OfADecidedSupplierWithoutAPosition_NamesWhatChangedSinceTheDecision()
    {
        var supplier = await app.NewSupplierAsync(LowCountry);
        await app.DecidedAsync(supplier, maturity: 2, licenceExpiresInDays: 3);
        var expiredOn = app.Today.AddDays(3);
        app.Clock.Advance(TimeSpan.FromDays(5)); // no daily check in between

        await app.FirstPositionAtStartUpAsync(supplier);

        var row = Assert.Single(await app.QueueAsync([supplier]));
        Assert.Equal(RiskTier.Critical, row.Live.Tier);
        Assert.Equal($"Knock-out: the date answered to {LicenceQuestionCode} ({Iso(expiredOn)}) has passed", row.Reason);
    }

    [Fact]
    public async Task DailyCheck_WhenAConditionFallsOverdue_QueuesTheSupplierWhoseTierDidNotMove()
    {
        var conditioned = await app.NewSupplierAsync(LowCountry);
        await app.DecidedAsync(conditioned, maturity: 2, conditionDueInDays: 10);
        var later = await app.NewSupplierAsync(LowCountry);
        await app.DecidedAsync(later, maturity: 2, conditionDueInDays: 60);
        Guid[] suppliers = [conditioned, later];

        await app.AfterDaysAsync(10);
        Assert.Empty(await app.QueueAsync(suppliers)); // due today: not overdue yet

        await app.AfterDaysAsync(1);

        var row = Assert.Single(await app.QueueAsync(suppliers));
        Assert.Equal((conditioned, 1), (row.SupplierId, row.OverdueConditions));
        Assert.Equal(row.Decided.Tier, row.Live.Tier);
        Assert.StartsWith("Condition overdue: NDA signed before tooling is shipped (due ", row.Reason, StringComparison.Ordinal);
        var notices = await app.NoticesAsync($"/suppliers/{conditioned}");
        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.EndsWith("On the queue because 1 contract condition of the decision is overdue.", n.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateSupplier_WhenANewSiteIsInASevereCountry_QueuesTheSupplierWithTheSite()
    {
        const string severe = "CY";
        await app.RateAsync(severe, LegalRating.Severe);
        var moving = await app.NewSupplierAsync(LowCountry);
        await app.DecidedAsync(moving, maturity: 2);
        var staying = await app.NewSupplierAsync(LowCountry);
        await app.DecidedAsync(staying, maturity: 2);

        await app.EditSupplierAsync(moving, input => input.Sites.Add(new SiteInput { Country = severe, City = "Limassol", Activities = input.Sites[0].Activities }));
        await app.EditSupplierAsync(staying, input => input.Website = "https://example.com");

        var row = Assert.Single(await app.QueueAsync([moving, staying]));
        Assert.Equal((moving, RiskTier.High), (row.SupplierId, row.Live.Tier));
        Assert.Equal("New site: Limassol (Cyprus)", row.Reason);
        Assert.Equal(Analyst, Assert.Single(row.Changes, c => c.What == row.Reason).ByName);
    }

    [Fact]
    public async Task UpdateSupplier_WhenTheIpExposureRises_QueuesTheSupplier()
    {
        var supplier = await app.NewSupplierAsync(LowCountry, sensitivity: 1);
        await app.DecidedAsync(supplier, maturity: 2); // E 20: R 6.9, Low

        await app.EditSupplierAsync(supplier, input => input.Exposure[0].Sensitivity = 5);

        var row = Assert.Single(await app.QueueAsync([supplier]));
        Assert.Equal((RiskTier.Low, RiskTier.Medium), (row.Decided.Tier, row.Live.Tier));
        Assert.Equal("IP exposure changed: Source code / firmware 1 → Source code / firmware 5", row.Reason);
    }

    [Fact]
    public async Task DecideAssessment_WhenTheSupplierIsDecidedAgain_TakesItOffTheQueue()
    {
        const string country = "SI";
        await app.RateAsync(country, LegalRating.Low);
        var supplier = await app.NewSupplierAsync(country);
        await app.DecidedAsync(supplier, maturity: 2);
        await app.RateAsync(country, LegalRating.Severe);
        Assert.Single(await app.QueueAsync([supplier]));

        await app.DecidedAsync(supplier, maturity: 2);

        Assert.Empty(await app.QueueAsync([supplier]));
        var position = await app.PositionAsync(supplier);
        Assert.Equal((RiskTier.High, RiskTier.High), (position.DecidedTier, position.LiveTier));
    }

    private static double? Round(double? value) => value is { } v ? Display.Round1(v) : null;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
