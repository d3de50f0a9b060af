using DueDiligence.Domain.Common;

namespace DueDiligence.Web.Infrastructure.Notifications.Webhooks;

/// <summary>
/// A receiver an administrator registered: its address, the events it wants, and the secret its deliveries are signed
/// with — stored protected by the app's data protection (<see cref="WebhookSecrets"/>), never in clear. A paused endpoint
/// gets no new deliveries, and those waiting wait until it is resumed. Audited (the secret as "(redacted)").
/// </summary>
public sealed class WebhookEndpoint
{
    public const int UrlMaxLength = 500;
    public const int NameMaxLength = 100;
    public const int ProtectedSecretMaxLength = 1000;

    private WebhookEndpoint()
    {
    }

    public WebhookEndpoint(string name, Uri url, IReadOnlyCollection<WebhookEventType> events, string protectedSecret, DateTime nowUtc)
    {
        Change(name, url, events);
        ProtectedSecret = protectedSecret;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    /// <summary>What receives it, in the administrator's words ("ERP supplier sync").</summary>
    public string Name { get; private set; } = "";

    public string Url { get; private set; } = "";

    /// <summary>The events it wants, stored as their names separated by commas.</summary>
    public IReadOnlyList<WebhookEventType> Events { get; private set; } = [];

    /// <summary>The signing secret, protected with the app's data-protection keys.</summary>
    public string ProtectedSecret { get; private set; } = "";

    public bool IsPaused { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Renewed on every change: an edit made on an older copy is refused.</summary>
    public string ConcurrencyStamp { get; private set; } = Guid.NewGuid().ToString("N");

    public bool Wants(WebhookEventType type) => !IsPaused && Events.Contains(type);

    public void Change(string name, Uri url, IReadOnlyCollection<WebhookEventType> events)
    {
        if (events.Count == 0)
        {
            throw new DomainException("Choose at least one event for the endpoint.");
        }

        Name = name.Trim();
        Url = url.AbsoluteUri;
        Events = [.. events.Distinct().Order()];
        Touch();
    }

    public void ReplaceSecret(string protectedSecret)
    {
        ProtectedSecret = protectedSecret;
        Touch();
    }

    public void SetPaused(bool paused)
    {
        IsPaused = paused;
        Touch();
    }

    private void Touch() => ConcurrencyStamp = Guid.NewGuid().ToString("N");
}
