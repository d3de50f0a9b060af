namespace DueDiligence.Web.Infrastructure.Notifications.Webhooks;

/// <summary>The events an endpoint can ask for.</summary>
public enum WebhookEventType
{
    SupplierCreated,
    AssessmentSubmitted,
    AssessmentDecided,
    SupplierChangedSinceDecision,
    ConditionOverdue,
}

/// <summary>The events' names in payloads ("supplier.created") and on screen ("Supplier registered").</summary>
public static class WebhookEventTypes
{
    public static IReadOnlyList<WebhookEventType> All { get; } = Enum.GetValues<WebhookEventType>();

    /// <summary>The name in the payload's <c>type</c>, which receivers switch on; never changed once published.</summary>
    public static string WireName(WebhookEventType type) => type switch
    {
        WebhookEventType.SupplierCreated => "supplier.created",
        WebhookEventType.AssessmentSubmitted => "assessment.submitted",
        WebhookEventType.AssessmentDecided => "assessment.decided",
        WebhookEventType.SupplierChangedSinceDecision => "supplier.changed_since_decision",
        WebhookEventType.ConditionOverdue => "condition.overdue",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Label(WebhookEventType type) => type switch
    {
        WebhookEventType.SupplierCreated => "Supplier registered",
        WebhookEventType.AssessmentSubmitted => "Assessment submitted for legal review",
        WebhookEventType.AssessmentDecided => "Assessment decided",
        WebhookEventType.SupplierChangedSinceDecision => "Supplier changed since its decision",
        WebhookEventType.ConditionOverdue => "Contract condition overdue",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
