using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Notifications;

/// <summary>One notification as the list shows it.</summary>
public sealed record NotificationItem(Guid Id, NotificationCategory Category, string Title, string Body, string Link, DateTime CreatedAtUtc, bool IsRead);

/// <summary>
/// Whether e-mails leave the server; when they do not, where they are written instead (named to administrators only: a
/// folder on the server is theirs to look in).
/// </summary>
public sealed record EmailDeliveryInfo(bool UsesSmtp, string? PickupFolder);

/// <summary>One page of the user's notifications, newest first, and how many there are in all.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, int TotalCount);

/// <summary>
/// The signed-in user's notification centre: the unread count for the bell, the list, marking read, muted categories.
/// Every call acts on the current user's own notifications only; a notification addressed to someone else is refused.
/// Scoped to the circuit, so that the bell hears when the page marks something read.
/// </summary>
public sealed class NotificationInbox(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time, MailDelivery delivery)
{
    /// <summary>Raised after the user marked notifications read, so that the bell shows the new count.</summary>
    public event Action? UnreadChanged;

    /// <summary>One COUNT on the (recipient, read) index.</summary>
    public async Task<int> CountUnreadAsync(CancellationToken cancellationToken = default)
    {
        var userId = await RecipientIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAtUtc == null, cancellationToken);
    }

    public async Task<NotificationPage> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var userId = await RecipientIdAsync();
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId);
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine
            .OrderByDescending(n => n.CreatedAtUtc).ThenBy(n => n.Id)
            .Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .Select(n => new NotificationItem(n.Id, n.Category, n.Title, n.Body, n.Link, n.CreatedAtUtc, n.ReadAtUtc != null))
            .ToListAsync(cancellationToken);
        return new NotificationPage(items, total);
    }

    /// <summary>Marks the user's notification read and returns it, with the address it leads to.</summary>
    public async Task<NotificationItem> MarkReadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var userId = await RecipientIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new DomainException("This notification no longer exists.");
        if (notification.RecipientId != userId)
        {
            throw new ForbiddenException("This notification is addressed to someone else; you can open and mark only your own.");
        }

        notification.MarkRead(time.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        UnreadChanged?.Invoke();
        return new NotificationItem(notification.Id, notification.Category, notification.Title, notification.Body, notification.Link, notification.CreatedAtUtc, true);
    }

    /// <summary>Marks every unread notification of the user read, in one statement; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var userId = await RecipientIdAsync();
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var marked = await db.Notifications
            .Where(n => n.RecipientId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
        UnreadChanged?.Invoke();
        return marked;
    }

    /// <summary>The categories the user muted on <paramref name="channel"/>.</summary>
    public async Task<IReadOnlySet<NotificationCategory>> MutedCategoriesAsync(
        NotificationChannel channel = NotificationChannel.InApp, CancellationToken cancellationToken = default)
    {
        var userId = await RecipientIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.NotificationMutes.AsNoTracking().Where(m => m.UserId == userId && m.Channel == channel).Select(m => m.Category).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>Mutes or unmutes a category for the user, in the app or by e-mail; account security cannot be muted on either.</summary>
    public async Task SetMutedAsync(
        NotificationCategory category, bool muted, NotificationChannel channel = NotificationChannel.InApp, CancellationToken cancellationToken = default)
    {
        var userId = await RecipientIdAsync();
        if (muted && !NotificationCategories.CanMute(category))
        {
            throw new DomainException($"{NotificationCategories.DisplayName(category)} notifications cannot be muted: they tell you about your own account.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.NotificationMutes.FirstOrDefaultAsync(m => m.UserId == userId && m.Category == category && m.Channel == channel, cancellationToken);
        if (muted && existing is null)
        {
            db.NotificationMutes.Add(new NotificationMute { UserId = userId, Category = category, Channel = channel });
        }
        else if (!muted && existing is not null)
        {
            db.NotificationMutes.Remove(existing);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<EmailDeliveryInfo> EmailDeliveryAsync()
    {
        await RecipientIdAsync();
        return delivery.UsesSmtp
            ? new EmailDeliveryInfo(true, null)
            : new EmailDeliveryInfo(false, await currentUser.IsInRoleAsync(AppRoles.Admin) ? delivery.PickupFolder : null);
    }

    private async ValueTask<string> RecipientIdAsync() =>
        await currentUser.GetUserIdAsync() ?? throw new ForbiddenException("Sign in to see your notifications.");
}
