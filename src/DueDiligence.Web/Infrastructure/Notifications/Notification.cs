namespace DueDiligence.Web.Infrastructure.Notifications;

/// <summary>
/// A message in one user's notification centre, written in the same transaction as the change it tells about. Only its
/// recipient reads it or marks it read. Not audited: the change it tells about is (docs/user-guide.md, Notifications).
/// </summary>
public sealed class Notification
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 1000;
    public const int LinkMaxLength = 300;

    public Guid Id { get; private set; } = Guid.NewGuid();

    /// <summary>The user's id (AspNetUsers.Id).</summary>
    public required string RecipientId { get; init; }

    public required NotificationCategory Category { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    /// <summary>An address inside the app ("/assessments/…"), never another site.</summary>
    public required string Link { get; init; }

    public required DateTime CreatedAtUtc { get; init; }

    public DateTime? ReadAtUtc { get; private set; }

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}

/// <summary>Where a notification reaches its recipient: the bell in the app, or an e-mail.</summary>
public enum NotificationChannel
{
    InApp,
    Email,
}

/// <summary>A category one user does not want to be notified about on one channel (one row per user, category and channel).</summary>
public sealed class NotificationMute
{
    public Guid Id { get; private set; } = Guid.NewGuid();

    public required string UserId { get; init; }

    public required NotificationCategory Category { get; init; }

    public NotificationChannel Channel { get; init; } = NotificationChannel.InApp;
}
