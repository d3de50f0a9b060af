namespace DueDiligence.Web.Infrastructure.Notifications.Webhooks;

/// <summary>The <c>Webhooks</c> section: which targets are allowed, retries and the time a receiver has to answer.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Lets endpoints point at loopback, link-local, private and unique-local addresses, and use plain http there (never to a
    /// public address). Off: only https to public addresses.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>Refusals in a row before the sender gives a delivery up.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first refusal; it doubles with each further one, up to six hours.</summary>
    public int RetryAfterSeconds { get; set; } = 60;

    /// <summary>How long a receiver has to answer an attempt.</summary>
    public int TimeoutSeconds { get; set; } = 10;
}
