using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Notifications.Webhooks;

/// <summary>
/// Something that happened, as a webhook tells it: its type, the ids of the records it is about (and a few facts that
/// need no look-up, never a person's name or e-mail), and the page of the app that shows it.
/// </summary>
public sealed record WebhookEvent(WebhookEventType Type, IReadOnlyDictionary<string, string> Data, string Link)
{
    public static WebhookEvent SupplierCreated(Guid supplierId) =>
        new(WebhookEventType.SupplierCreated, Ids(("supplierId", supplierId)), $"/suppliers/{supplierId}");

    public static WebhookEvent AssessmentSubmitted(Guid supplierId, Guid assessmentId) =>
        new(WebhookEventType.AssessmentSubmitted, Ids(("supplierId", supplierId), ("assessmentId", assessmentId)), $"/assessments/{assessmentId}");

    public static WebhookEvent AssessmentDecided(Guid supplierId, Guid assessmentId, string outcome, string tier) =>
        new(WebhookEventType.AssessmentDecided, With(Ids(("supplierId", supplierId), ("assessmentId", assessmentId)), ("outcome", outcome), ("tier", tier)),
            $"/assessments/{assessmentId}");

    public static WebhookEvent SupplierChangedSinceDecision(Guid supplierId, string? decidedTier, string? liveTier, int overdueConditions) =>
        new(WebhookEventType.SupplierChangedSinceDecision,
            With(Ids(("supplierId", supplierId)), ("decidedTier", decidedTier), ("liveTier", liveTier), ("overdueConditions", overdueConditions.ToString(CultureInfo.InvariantCulture))),
            $"/suppliers/{supplierId}");

    public static WebhookEvent ConditionOverdue(Guid supplierId, Guid assessmentId, Guid conditionId, DateOnly dueOn) =>
        new(WebhookEventType.ConditionOverdue,
            With(Ids(("supplierId", supplierId), ("assessmentId", assessmentId), ("conditionId", conditionId)), ("dueOn", dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            $"/assessments/{assessmentId}");

    private static Dictionary<string, string> Ids(params (string Name, Guid Id)[] ids) => ids.ToDictionary(i => i.Name, i => i.Id.ToString());

    private static Dictionary<string, string> With(Dictionary<string, string> data, params (string Name, string? Value)[] facts)
    {
        foreach (var (name, value) in facts.Where(f => f.Value is not null))
        {
            data[name] = value!;
        }

        return data;
    }
}

/// <summary>
/// Adds an event's deliveries — one per endpoint that wants it and is not paused, each with a delivery id of its own — to
/// the context of the change that causes the event, so that both are saved in one transaction; it never saves.
/// </summary>
public sealed class WebhookEvents(TimeProvider time, IOptions<MailOptions> mail)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public Task RaiseAsync(AppDbContext db, WebhookEvent webhookEvent, CancellationToken cancellationToken) => RaiseAsync(db, [webhookEvent], cancellationToken);

    public async Task RaiseAsync(AppDbContext db, IReadOnlyCollection<WebhookEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => !e.IsPaused).ToListAsync(cancellationToken);
        var now = time.UtcNow();
        foreach (var webhookEvent in events)
        {
            var wanting = endpoints.Where(e => e.Wants(webhookEvent.Type)).ToList();
            if (wanting.Count == 0)
            {
                continue;
            }

            var eventId = Guid.NewGuid();
            var payload = Payload(eventId, webhookEvent, now);
            foreach (var endpoint in wanting)
            {
                db.WebhookDeliveries.Add(new WebhookDelivery(endpoint.Id, eventId, webhookEvent.Type, payload, now));
            }
        }
    }

    private string Payload(Guid eventId, WebhookEvent webhookEvent, DateTime now)
    {
        var data = new JsonObject();
        foreach (var (name, value) in webhookEvent.Data)
        {
            data[name] = value;
        }

        var appUrl = mail.Value.AppUrl?.TrimEnd('/');
        var payload = new JsonObject
        {
            ["id"] = eventId.ToString(),
            ["type"] = WebhookEventTypes.WireName(webhookEvent.Type),
            ["occurredAt"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["data"] = data,
            ["link"] = string.IsNullOrEmpty(appUrl) ? webhookEvent.Link : appUrl + webhookEvent.Link,
        };
        return payload.ToJsonString(Json);
    }
}
