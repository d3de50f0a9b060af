namespace DueDiligence.Web.Infrastructure.Notifications;

/// <summary>
/// That a daily reminder of one kind about one item went out on one day, saved with the reminder's notifications: a
/// second run on the same day (a restart, another instance) finds it and sends nothing. Not audited: it records no
/// business change.
/// </summary>
public sealed class SentReminder
{
    public const int KindMaxLength = 40;

    public Guid Id { get; private set; } = Guid.NewGuid();

    /// <summary>What the reminder is about ("finding-due", "condition-overdue", "evidence-expiring", "reassessment-due"), or that a condition's overdue webhook event was raised ("condition-overdue-event", dated with its due date).</summary>
    public required string Kind { get; init; }

    /// <summary>The finding, condition, evidence file or supplier reminded about.</summary>
    public required Guid ItemId { get; init; }

    public required DateOnly OnDate { get; init; }
}
