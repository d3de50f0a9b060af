using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Web.Features.Assessments.Reminders;
using DueDiligence.Web.Infrastructure.Notifications.Webhooks;
using DueDiligence.Web.Tests.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Webhooks;

/// <summary>
/// Each event is written as a delivery by the use case that causes it, in its transaction: a supplier registered, an
/// assessment submitted and decided, a decided supplier changed since its decision, a condition overdue (once).
/// </summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookEventTests(WebhookApp hooks)
{
    [Fact]
    public async Task CreateSupplier_RaisesSupplierCreated_OnlyForEndpointsThatWantIt()
    {
        var (wanting, _) = await hooks.RegisterAsync(WebhookEventType.SupplierCreated);
        var (other, _) = await hooks.RegisterAsync(WebhookEventType.AssessmentDecided);

        var supplierId = await hooks.Monitoring.NewSupplierAsync(MonitoringApp.LowCountry);

        Assert.Single(await hooks.DeliveriesAboutAsync(wanting.Endpoint.Id, WebhookEventType.SupplierCreated, "supplierId", supplierId));
        Assert.DoesNotContain(await hooks.DeliveriesAsync(other.Endpoint.Id), d => d.Payload.Contains(supplierId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitAndDecide_RaiseAssessmentSubmittedAndAssessmentDecided_WithOutcomeAndTier()
    {
        var (made, _) = await hooks.RegisterAsync(WebhookEventType.AssessmentSubmitted, WebhookEventType.AssessmentDecided);
        var supplierId = await hooks.Monitoring.NewSupplierAsync(MonitoringApp.LowCountry);

        var assessmentId = await hooks.Monitoring.DecidedAsync(supplierId, maturity: 3);

        var submitted = Assert.Single(await hooks.DeliveriesAboutAsync(made.Endpoint.Id, WebhookEventType.AssessmentSubmitted, "assessmentId", assessmentId));
        var decided = Assert.Single(await hooks.DeliveriesAboutAsync(made.Endpoint.Id, WebhookEventType.AssessmentDecided, "assessmentId", assessmentId));
        Assert.Equal(supplierId.ToString(), WebhookApp.Data(submitted.Payload, "supplierId"));
        Assert.Equal("Approved", WebhookApp.Data(decided.Payload, "outcome"));
        Assert.NotNull(WebhookApp.Data(decided.Payload, "tier"));
        Assert.Contains($"\"link\":\"{WebhookApp.AppUrl}/assessments/{assessmentId}\"", decided.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateJurisdiction_WhenADecidedSupplierGetsWorse_RaisesSupplierChangedSinceDecision()
    {
        const string country = "LU";
        var (made, _) = await hooks.RegisterAsync(WebhookEventType.SupplierChangedSinceDecision);
        await hooks.Monitoring.RateAsync(country, LegalRating.Low);
        var supplierId = await hooks.Monitoring.NewSupplierAsync(MonitoringApp.LowCountry, [country]);
        await hooks.Monitoring.DecidedAsync(supplierId, maturity: 2);
        Assert.Empty(await hooks.DeliveriesAboutAsync(made.Endpoint.Id, WebhookEventType.SupplierChangedSinceDecision, "supplierId", supplierId));

        await hooks.Monitoring.RateAsync(country, LegalRating.Severe);

        var changed = Assert.Single(await hooks.DeliveriesAboutAsync(made.Endpoint.Id, WebhookEventType.SupplierChangedSinceDecision, "supplierId", supplierId));
        Assert.Equal(("Medium", "High"), (WebhookApp.Data(changed.Payload, "decidedTier"), WebhookApp.Data(changed.Payload, "liveTier")));
    }

    [Fact]
    public async Task DailyReminders_RaiseConditionOverdue_OnceForEachCondition()
    {
        var (made, _) = await hooks.RegisterAsync(WebhookEventType.ConditionOverdue);
        var supplierId = await hooks.Monitoring.NewSupplierAsync(MonitoringApp.LowCountry);
        await hooks.Monitoring.DecidedAsync(supplierId, maturity: 3, conditionDueInDays: 2);
        await RunRemindersAsync();
        Assert.Empty(await hooks.DeliveriesAboutAsync(made.Endpoint.Id, WebhookEventType.ConditionOverdue, "supplierId", supplierId));

        hooks.Monitoring.Clock.Advance(TimeSpan.FromDays(3));
        await RunRemindersAsync();
        hooks.Monitoring.Clock.Advance(TimeSpan.FromDays(8)); // the overdue reminder goes out again
        await RunRemindersAsync();

        var overdue = Assert.Single(await hooks.DeliveriesAboutAsync(made.Endpoint.Id, WebhookEventType.ConditionOverdue, "supplierId", supplierId));
        Assert.NotNull(WebhookApp.Data(overdue.Payload, "conditionId"));
        Assert.Equal(hooks.Monitoring.Today.AddDays(-9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), WebhookApp.Data(overdue.Payload, "dueOn"));
    }

    /// <summary>A run of the reminders job; null means the app's own run holds the lease this moment.</summary>
    private async Task RunRemindersAsync()
    {
        var job = hooks.App.Services.GetRequiredService<DailyRemindersJob>();
        for (var round = 1; await job.RunOnceAsync(CancellationToken.None) is null; round++)
        {
            Assert.True(round < 200, "The reminders job never got its lease.");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
