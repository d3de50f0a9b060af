namespace DueDiligence.Web.Infrastructure.Notifications.Webhooks;

/// <summary>
/// One event for one endpoint, written in the same transaction as the change it tells about and posted afterwards by the
/// <see cref="WebhookSender"/>. Its id is the delivery id every attempt carries (<c>X-DueDiligence-Delivery</c>), so that
/// the receiver can drop a repeat; its payload is fixed when it is written. Not audited as it is written or attempted (the
/// change it tells about is); an administrator's redelivery is.
/// </summary>
public sealed class WebhookDelivery
{
    public const int PayloadMaxLength = 4000;
    public const int ErrorMaxLength = 1000;
    public const int NameMaxLength = 200;

    private WebhookDelivery()
    {
    }

    public WebhookDelivery(Guid endpointId, Guid eventId, WebhookEventType eventType, string payload, DateTime nowUtc)
    {
        EndpointId = endpointId;
        EventId = eventId;
        EventType = eventType;
        Payload = payload;
        CreatedAtUtc = nowUtc;
        NextAttemptAtUtc = nowUtc;
    }

    /// <summary>The delivery id: the same on every attempt and redelivery.</summary>
    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid EndpointId { get; private set; }

    /// <summary>The event's id in the payload: one event sent to several endpoints has one event id and a delivery id per endpoint.</summary>
    public Guid EventId { get; private set; }

    public WebhookEventType EventType { get; private set; }

    /// <summary>The JSON body, exactly as it is signed and sent.</summary>
    public string Payload { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>When the sender may try next (while neither delivered nor given up).</summary>
    public DateTime NextAttemptAtUtc { get; private set; }

    /// <summary>Every attempt so far, redeliveries included.</summary>
    public int Attempts { get; private set; }

    /// <summary>Refusals since it was written or last queued again; the sender gives up at <c>Webhooks:MaxAttempts</c>.</summary>
    public int FailuresInARow { get; private set; }

    public DateTime? LastAttemptAtUtc { get; private set; }

    /// <summary>The HTTP status of the last answer; null when there was none (refused address, timeout, no connection).</summary>
    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>When the receiver last answered with a 2xx status.</summary>
    public DateTime? DeliveredAtUtc { get; private set; }

    public DateTime? GaveUpAtUtc { get; private set; }

    /// <summary>When an administrator last queued it again, and who.</summary>
    public DateTime? RedeliveredAtUtc { get; private set; }

    public string? RedeliveredByName { get; private set; }

    public bool IsWaiting => DeliveredAtUtc is null && GaveUpAtUtc is null;

    public void RecordDelivered(int statusCode, DateTime nowUtc)
    {
        Attempts++;
        LastAttemptAtUtc = nowUtc;
        LastStatusCode = statusCode;
        LastError = null;
        FailuresInARow = 0;
        DeliveredAtUtc = nowUtc;
    }

    /// <summary>Counts a refusal: tries again at <paramref name="retryAtUtc"/>, or gives up after <paramref name="maxAttempts"/> in a row.</summary>
    public void RecordFailure(int? statusCode, string error, DateTime nowUtc, DateTime retryAtUtc, int maxAttempts)
    {
        Attempts++;
        FailuresInARow++;
        LastAttemptAtUtc = nowUtc;
        LastStatusCode = statusCode;
        LastError = error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength];
        NextAttemptAtUtc = retryAtUtc;
        if (FailuresInARow >= maxAttempts)
        {
            GaveUpAtUtc = nowUtc;
        }
    }

    /// <summary>An administrator sends it again, with the same delivery id and payload: due at once, with a full set of attempts.</summary>
    public void Redeliver(string byName, DateTime nowUtc)
    {
        DeliveredAtUtc = null;
        GaveUpAtUtc = null;
        FailuresInARow = 0;
        NextAttemptAtUtc = nowUtc;
        RedeliveredAtUtc = nowUtc;
        RedeliveredByName = byName.Length <= NameMaxLength ? byName : byName[..NameMaxLength];
    }
}
