using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Notifications.Webhooks;

/// <summary>
/// Posts the webhook outbox every few seconds, on the one instance that holds its lease: each due delivery of an endpoint
/// that is not paused is signed (<see cref="WebhookSignature"/>) and posted, with a timeout and without following
/// redirects, to an address checked again as it connects (<see cref="WebhookTargets"/>). A 2xx answer marks it delivered,
/// in a save of its own; anything else is tried again after the outboxes' back-off (<see cref="RetryBackOff"/>, from
/// <c>Webhooks:RetryAfterSeconds</c>) until <c>Webhooks:MaxAttempts</c> refusals in a row. A delivery whose answer was
/// not recorded (the process died in between) is posted again with the same delivery id: at least once.
/// </summary>
public sealed class WebhookSender(
    IServiceScopeFactory scopes, IHttpClientFactory clients, WebhookSecrets secrets, IOptionsMonitor<WebhookOptions> options, TimeProvider time,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string LeaseName = "webhook-outbox";

    /// <summary>The named <see cref="HttpClient"/> whose handler follows no redirect, uses no proxy and connects through <see cref="WebhookTargets"/>.</summary>
    public const string ClientName = "webhooks";

    private const int BatchSize = 50;
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _round = new(1, 1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(Every, time, SendDueAsync, stoppingToken);

    /// <summary>One round: posts the deliveries that are due; returns how many were delivered (0 without the lease).</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
            if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().TryTakeAsync(LeaseName, LeaseFor, cancellationToken))
            {
                return 0;
            }

            var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
            var delivered = 0;
            foreach (var (delivery, endpoint) in await DueAsync(contexts, cancellationToken))
            {
                var (statusCode, error) = await PostAsync(delivery, endpoint, cancellationToken);
                await RecordAsync(contexts, delivery.Id, statusCode, error, CancellationToken.None);
                delivered += error is null ? 1 : 0;
            }

            return delivered;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Sending the webhook outbox failed; the next round tries again.");
            return 0;
        }
        finally
        {
            _round.Release();
        }
    }

    /// <summary>On a graceful stop the lease is given up, so that another instance sends at once.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<JobLeases>().ReleaseAsync(LeaseName, cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // The services were torn down before the stop: the lease runs out by itself.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The lease of the webhook outbox could not be given up; it runs out by itself.");
        }
    }

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }

    private async Task<List<(WebhookDelivery Delivery, WebhookEndpoint Endpoint)>> DueAsync(IDbContextFactory<AppDbContext> contexts, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.DeliveredAtUtc == null && d.GaveUpAtUtc == null && d.NextAttemptAtUtc <= now)
            .Join(db.WebhookEndpoints.AsNoTracking().Where(e => !e.IsPaused), d => d.EndpointId, e => e.Id, (d, e) => new { Delivery = d, Endpoint = e })
            .OrderBy(x => x.Delivery.NextAttemptAtUtc).ThenBy(x => x.Delivery.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        return [.. due.Select(x => (x.Delivery, x.Endpoint))];
    }

    /// <summary>The answer's status code, and null when it was a 2xx, else why the attempt failed.</summary>
    private async Task<(int? StatusCode, string? Error)> PostAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Header(secrets.Unprotect(endpoint.ProtectedSecret), timestamp, delivery.Payload));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.EventHeader, WebhookEventTypes.WireName(delivery.EventType));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("DueDiligence-Webhooks", "1"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(options.CurrentValue.TimeoutSeconds, 1)));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (code, null)
                : code is >= 300 and < 400 ? (code, $"The receiver answered {code} (a redirect, which is not followed): register the address it redirects to.")
                : (code, $"The receiver answered {code} {response.ReasonPhrase}".TrimEnd());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"The receiver did not answer within {options.CurrentValue.TimeoutSeconds} seconds.");
        }
        catch (HttpRequestException e)
        {
            return (null, e.InnerException is WebhookTargetRefusedException refused ? refused.Message : $"No connection: {e.Message}");
        }
        catch (WebhookTargetRefusedException refused)
        {
            return (null, refused.Message);
        }
    }

    private async Task RecordAsync(IDbContextFactory<AppDbContext> contexts, Guid id, int? statusCode, string? error, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == id, cancellationToken);
        if (error is null)
        {
            delivery.RecordDelivered(statusCode!.Value, now);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var settings = options.CurrentValue;
        var maxAttempts = Math.Max(settings.MaxAttempts, 1);
        delivery.RecordFailure(statusCode, error, now, now + RetryBackOff.After(delivery.FailuresInARow + 1, settings.RetryAfterSeconds), maxAttempts);
        await db.SaveChangesAsync(cancellationToken);
        if (delivery.GaveUpAtUtc is null)
        {
            logger.LogWarning("Webhook delivery {DeliveryId} failed ({Error}); attempt {Attempt} of {Max}, next at {Next}.",
                delivery.Id, delivery.LastError, delivery.FailuresInARow, maxAttempts, delivery.NextAttemptAtUtc.ToString("u", CultureInfo.InvariantCulture));
        }
        else
        {
            logger.LogError("Webhook delivery {DeliveryId} failed {Attempts} times in a row; the last time: {Error}. It is not tried again unless an administrator sends it again.",
                delivery.Id, delivery.FailuresInARow, delivery.LastError);
        }
    }
}
