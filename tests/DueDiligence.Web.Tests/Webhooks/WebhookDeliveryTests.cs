using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DueDiligence.Web.Features.Admin.Webhooks;
using DueDiligence.Web.Infrastructure.Notifications.Webhooks;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Webhooks;

/// <summary>
/// Deliveries to a real receiver on loopback: signed so that the receiver verifies them with the secret it was shown,
/// retried after a refusal with back-off and the same delivery id until delivered once, never following a redirect,
/// refused at delivery time when the address is no longer allowed, and sent again by an administrator (audited).
/// </summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookDeliveryTests(WebhookApp hooks)
{
    [Fact]
    public async Task Send_SignsTimestampAndBody_SoThatTheReceiverVerifiesItWithTheSecretShownOnce()
    {
        var (made, path) = await hooks.RegisterAsync(WebhookEventType.SupplierCreated);
        var supplierId = await hooks.Monitoring.NewSupplierAsync(MonitoringApp.LowCountry);

        await hooks.SendDueAsync();

        var received = Assert.Single(hooks.Receiver.ReceivedAt(path), r => r.Body.Contains(supplierId.ToString(), StringComparison.Ordinal));
        var delivery = Assert.Single(await hooks.DeliveriesAboutAsync(made.Endpoint.Id, WebhookEventType.SupplierCreated, "supplierId", supplierId));
        Assert.Equal(delivery.Id.ToString(), received.DeliveryId);
        Assert.Equal("supplier.created", received.EventName);
        Assert.StartsWith("application/json", received.ContentType, StringComparison.Ordinal);
        Assert.True(Verifies(made.Secret, received), $"The signature {received.Signature} does not verify with the secret.");
        Assert.False(Verifies(made.Secret + "x", received));
        Assert.Equal(hooks.Monitoring.Clock.GetUtcNow().ToUnixTimeSeconds(), Timestamp(received));

        using var payload = JsonDocument.Parse(received.Body);
        Assert.Equal("supplier.created", payload.RootElement.GetProperty("type").GetString());
        Assert.Equal(delivery.EventId.ToString(), payload.RootElement.GetProperty("id").GetString());
        Assert.Equal($"{WebhookApp.AppUrl}/suppliers/{supplierId}", payload.RootElement.GetProperty("link").GetString());
        Assert.DoesNotContain(MonitoringApp.Analyst, received.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Monitoring Test Supplier", received.Body, StringComparison.Ordinal);
        Assert.NotNull((await hooks.DeliveriesAsync(made.Endpoint.Id)).Single(d => d.Id == delivery.Id).DeliveredAtUtc);
    }

    [Fact]
    public async Task Send_AfterA500_TriesAgainAfterTheBackOffWithTheSameDeliveryId_AndDeliversOnce()
    {
        var (made, path) = await hooks.RegisterAsync(WebhookEventType.SupplierCreated);
        hooks.Receiver.AnswerNext(path, 500);
        var supplierId = await hooks.Monitoring.NewSupplierAsync(MonitoringApp.LowCountry);

        await hooks.SendDueAsync();
        var failed = Assert.Single(await hooks.DeliveriesAboutAsync(made.Endpoint.Id, WebhookEventType.SupplierCreated, "supplierId", supplierId));
        Assert.Equal((1, 500, (DateTime?)null), (failed.Attempts, failed.LastStatusCode, failed.DeliveredAtUtc));
        Assert.Equal(failed.CreatedAtUtc.AddSeconds(60), failed.NextAttemptAtUtc);

        hooks.Monitoring.Clock.Advance(TimeSpan.FromSeconds(59));
        await hooks.SendDueAsync();
        Assert.Single(hooks.Receiver.ReceivedAt(path), r => r.DeliveryId == failed.Id.ToString());

        hooks.Monitoring.Clock.Advance(TimeSpan.FromSeconds(1));
        await hooks.SendDueAsync();
        hooks.Monitoring.Clock.Advance(TimeSpan.FromHours(7));
        await hooks.SendDueAsync();

        var attempts = hooks.Receiver.ReceivedAt(path).Where(r => r.Body.Contains(supplierId.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal([500, 200], attempts.Select(a => a.Answered));
        Assert.All(attempts, a => Assert.Equal(failed.Id.ToString(), a.DeliveryId));
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        var delivered = (await hooks.DeliveriesAsync(made.Endpoint.Id)).Single(d => d.Id == failed.Id);
        Assert.Equal((2, 200), (delivered.Attempts, delivered.LastStatusCode));
        Assert.NotNull(delivered.DeliveredAtUtc);
    }

    [Fact]
    public async Task Send_WhenTheReceiverRedirects_DoesNotFollowAndCountsAFailure()
    {
        var path = $"/redirect/{Guid.NewGuid():N}";
        var made = await hooks.AsAdminAsync(s => s.RegisterAsync(WebhookApp.Input($"{hooks.Receiver.BaseAddress}{path}", WebhookEventType.SupplierCreated)));
        var supplierId = await hooks.Monitoring.NewSupplierAsync(MonitoringApp.LowCountry);

        await hooks.SendDueAsync();

        Assert.Single(hooks.Receiver.ReceivedAt(path));
        Assert.DoesNotContain(hooks.Receiver.ReceivedAt("/hook/redirected"), r => r.Body.Contains(supplierId.ToString(), StringComparison.Ordinal));
        var delivery = Assert.Single(await hooks.DeliveriesAboutAsync(made.Endpoint.Id, WebhookEventType.SupplierCreated, "supplierId", supplierId));
        Assert.Equal((302, (DateTime?)null), (delivery.LastStatusCode, delivery.DeliveredAtUtc));
        Assert.Contains("redirect", delivery.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ByAnInstanceThatAllowsNoPrivateTargets_DoesNotReachAnAddressThatResolvesToLoopback()
    {
        // Registered while private targets were allowed; "localhost" is looked up again as the sender connects.
        var path = WebhookReceiver.NewPath();
        var made = await hooks.AsAdminAsync(s => s.RegisterAsync(
            WebhookApp.Input($"http://localhost:{hooks.Receiver.Port}{path}", WebhookEventType.SupplierCreated)));
        await using var strict = hooks.Strict();
        var supplierId = await hooks.Monitoring.NewSupplierAsync(MonitoringApp.LowCountry);

        await hooks.SendDueAsync(strict);

        Assert.Empty(hooks.Receiver.ReceivedAt(path));
        var delivery = Assert.Single(await hooks.DeliveriesAboutAsync(made.Endpoint.Id, WebhookEventType.SupplierCreated, "supplierId", supplierId));
        Assert.Equal((1, (int?)null, (DateTime?)null), (delivery.Attempts, delivery.LastStatusCode, delivery.DeliveredAtUtc));
        Assert.Contains("localhost leads to", delivery.LastError, StringComparison.Ordinal);
        Assert.Contains("loopback", delivery.LastError, StringComparison.Ordinal);
        await hooks.AsAdminAsync(async s =>
        {
            await s.RemoveAsync(made.Endpoint.Id);
            return true;
        });
    }

    [Fact]
    public async Task Redeliver_SendsTheDeliveryAgainWithTheSameIdAndPayload_AndIsAudited()
    {
        var (made, path) = await hooks.RegisterAsync(WebhookEventType.SupplierCreated);
        var supplierId = await hooks.Monitoring.NewSupplierAsync(MonitoringApp.LowCountry);
        await hooks.SendDueAsync();
        var delivery = Assert.Single(await hooks.DeliveriesAboutAsync(made.Endpoint.Id, WebhookEventType.SupplierCreated, "supplierId", supplierId));
        Assert.NotNull(delivery.DeliveredAtUtc);

        var queued = await hooks.AsAdminAsync(s => s.RedeliverAsync(delivery.Id));
        Assert.Equal(WebhookDeliveryStatus.Waiting, queued.Status);
        await hooks.SendDueAsync();

        var received = hooks.Receiver.ReceivedAt(path).Where(r => r.DeliveryId == delivery.Id.ToString()).ToList();
        Assert.Equal(2, received.Count);
        Assert.Equal(received[0].Body, received[1].Body);
        Assert.True(Verifies(made.Secret, received[1]));
        var (_, log) = await hooks.AsAdminAsync(s => s.DeliveriesAsync(made.Endpoint.Id));
        var line = Assert.Single(log, l => l.Id == delivery.Id);
        Assert.Equal((WebhookDeliveryStatus.Delivered, 2, MonitoringApp.Admin), (line.Status, line.Attempts, line.RedeliveredByName));

        await using var db = await hooks.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var audited = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(WebhookDelivery) && e.EntityKey == delivery.Id.ToString()).ToListAsync();
        var redelivery = Assert.Single(audited);
        Assert.Equal(MonitoringApp.Admin, redelivery.Actor);
        Assert.Contains("RedeliveredAtUtc", redelivery.Changes, StringComparison.Ordinal);
    }

    /// <summary>What a receiver does, written here from the documentation rather than with the app's code.</summary>
    private static bool Verifies(string secret, ReceivedWebhook received)
    {
        var parts = received.Signature!.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{parts["t"]}.{received.Body}")));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts["v1"]));
    }

    private static long Timestamp(ReceivedWebhook received) =>
        long.Parse(received.Signature!.Split(',')[0]["t=".Length..], CultureInfo.InvariantCulture);
}
