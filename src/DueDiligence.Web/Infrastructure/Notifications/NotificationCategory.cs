namespace DueDiligence.Web.Infrastructure.Notifications;

/// <summary>What a notification is about; each user can mute a category except <see cref="Security"/>.</summary>
public enum NotificationCategory
{
    /// <summary>An assessment moved on: submitted, taken into review, forwarded, returned, decided.</summary>
    Workflow,

    /// <summary>A finding, condition or question was assigned to the user.</summary>
    Assignments,

    /// <summary>Something the user owns is due soon or overdue.</summary>
    DueDates,

    /// <summary>A decided supplier changed since its decision.</summary>
    Monitoring,

    /// <summary>Something happened to the user's account; never muted.</summary>
    Security,
}

/// <summary>How the categories read on screen, and which of them a user may mute.</summary>
public static class NotificationCategories
{
    public static readonly IReadOnlyList<NotificationCategory> All = Enum.GetValues<NotificationCategory>();

    public static bool CanMute(NotificationCategory category) => category != NotificationCategory.Security;

    public static string DisplayName(NotificationCategory category) => category switch
    {
        NotificationCategory.Workflow => "Assessment workflow",
        NotificationCategory.Assignments => "Assignments",
        NotificationCategory.DueDates => "Due dates",
        NotificationCategory.Monitoring => "Changes since decision",
        NotificationCategory.Security => "Account security",
        _ => category.ToString(),
    };
}
