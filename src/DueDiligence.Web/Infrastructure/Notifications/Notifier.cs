using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Notifications;

/// <summary>What a notification says, and where it leads (an address inside the app).</summary>
public sealed record NotificationMessage(NotificationCategory Category, string Title, string Body, string Link);

/// <summary>A supplier a change put on the "Changed since decision" queue, as its notices name it.</summary>
public sealed record SupplierOnQueue(Guid Id, string LegalName, string OwnerId);

/// <summary>
/// Who is to be told: the users named, and everyone with one of the roles named; of them, only those who may read the
/// record the message is about (one of <see cref="ReaderRoles"/>), whose account an administrator has not locked, and
/// who have not muted the category.
/// </summary>
public sealed record NotificationAudience(IReadOnlyCollection<string> UserIds, IReadOnlyCollection<string> Roles, IReadOnlyCollection<string> ReaderRoles)
{
    public static NotificationAudience Users(IEnumerable<string> userIds, IReadOnlyCollection<string> readerRoles) =>
        new(userIds.Distinct(StringComparer.Ordinal).ToList(), [], readerRoles);

    public static NotificationAudience Role(string role, IReadOnlyCollection<string> readerRoles) => new([], [role], readerRoles);
}

/// <summary>
/// Adds notifications, and the e-mails that go with them, to the context of the change that causes them, so that all are
/// saved in one transaction; it never saves. Nobody is told about their own action. Each recipient gets the in-app
/// notification unless they muted the category in the app, and the e-mail (through the outbox) unless they muted it for
/// e-mail or have no address; account security is never muted.
/// </summary>
public sealed class Notifier(TimeProvider time, CurrentUser currentUser, MailComposer mails)
{
    /// <summary>Every role reads the supplier register.</summary>
    private static readonly IReadOnlyCollection<string> SupplierReaders = AppRoles.All;

    /// <summary>Who reads the "Changed since decision" queue.</summary>
    private static readonly IReadOnlyCollection<string> QueueReaders = [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive];

    private const string ChangedSinceDecisionPath = "/changed-since-decision";

    public async Task AddAsync(AppDbContext db, NotificationAudience audience, NotificationMessage message, CancellationToken cancellationToken)
    {
        if (!IsLocalPath(message.Link))
        {
            throw new ArgumentException($"A notification leads to a page of the app, not to '{message.Link}'.", nameof(message));
        }

        var recipients = await RecipientsAsync(db, audience, message.Category, cancellationToken);
        var now = time.UtcNow();
        foreach (var recipient in recipients)
        {
            if (recipient.InApp)
            {
                db.Notifications.Add(new Notification
                {
                    RecipientId = recipient.Id,
                    Category = message.Category,
                    Title = Shorten(message.Title, Notification.TitleMaxLength),
                    Body = Shorten(message.Body, Notification.BodyMaxLength),
                    Link = message.Link,
                    CreatedAtUtc = now,
                });
            }

            if (recipient.Email is { } address)
            {
                db.OutboxMails.Add(mails.Compose(recipient.Id, address, recipient.Name, message, now));
            }
        }
    }

    /// <summary>
    /// A decided supplier has changed since its decision (its live tier is worse, or a condition is overdue): its owner
    /// and every executive are told, with <paramref name="reason"/> saying what changed.
    /// </summary>
    public Task SupplierChangedSinceDecisionAsync(AppDbContext db, SupplierOnQueue supplier, string reason, CancellationToken cancellationToken = default) =>
        AddAsync(
            db,
            new NotificationAudience([supplier.OwnerId], [AppRoles.Executive], SupplierReaders),
            new NotificationMessage(NotificationCategory.Monitoring, $"{supplier.LegalName} changed since its decision", reason, $"/suppliers/{supplier.Id}"),
            cancellationToken);

    /// <summary>
    /// Many decided suppliers changed since their decision in one change (a country re-rated, say): instead of a notice
    /// per supplier, every executive is told once how many, and each owner once how many of theirs, with
    /// <paramref name="reason"/> saying what changed; both lead to the "Changed since decision" queue, which lists each.
    /// </summary>
    public async Task SuppliersChangedSinceDecisionAsync(
        AppDbContext db, IReadOnlyCollection<SupplierOnQueue> suppliers, string reason, CancellationToken cancellationToken = default)
    {
        var body = $"{reason} Each is on the “Changed since decision” queue, with what changed and its tier at the decision and today.";
        await AddAsync(
            db,
            NotificationAudience.Role(AppRoles.Executive, QueueReaders),
            new NotificationMessage(NotificationCategory.Monitoring, $"{Wording.Count(suppliers.Count, "supplier")} changed since their decision", body, ChangedSinceDecisionPath),
            cancellationToken);
        foreach (var owned in suppliers.GroupBy(s => s.OwnerId, StringComparer.Ordinal))
        {
            var count = owned.Count();
            var title = $"{Wording.Count(count, "supplier")} you own changed since {(count == 1 ? "its decision" : "their decisions")}";
            await AddAsync(
                db,
                NotificationAudience.Users([owned.Key], QueueReaders),
                new NotificationMessage(NotificationCategory.Monitoring, title, body, ChangedSinceDecisionPath),
                cancellationToken);
        }
    }

    /// <summary>
    /// A supplier contact did something through the portal (submitted its answers, replied to a question): the analyst who
    /// invited it is told, in the app and by e-mail unless muted.
    /// </summary>
    public Task SupplierRespondedAsync(
        AppDbContext db, string analystId, string title, string body, string link, IReadOnlyCollection<string> readerRoles, CancellationToken cancellationToken = default) =>
        AddAsync(db, NotificationAudience.Users([analystId], readerRoles), new NotificationMessage(NotificationCategory.Workflow, title, body, link), cancellationToken);

    /// <summary>One recipient: whether they get the in-app notification, and the address the e-mail goes to (null: none).</summary>
    private sealed record Recipient(string Id, string Name, bool InApp, string? Email);

    private async Task<IReadOnlyList<Recipient>> RecipientsAsync(AppDbContext db, NotificationAudience audience, NotificationCategory category, CancellationToken cancellationToken)
    {
        var userIds = audience.UserIds.ToList();
        var roleIds = await RoleIdsAsync(db, audience.Roles, cancellationToken);
        var readerRoleIds = await RoleIdsAsync(db, audience.ReaderRoles, cancellationToken);
        var muteable = NotificationCategories.CanMute(category);
        var candidates = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) || db.UserRoles.Any(m => m.UserId == u.Id && roleIds.Contains(m.RoleId)))
            .Where(u => db.UserRoles.Any(m => m.UserId == u.Id && readerRoleIds.Contains(m.RoleId)))
            .Select(u => new
            {
                u.Id,
                u.LockoutEnd,
                u.DisplayName,
                u.Email,
                InAppMuted = muteable && db.NotificationMutes.Any(m => m.UserId == u.Id && m.Category == category && m.Channel == NotificationChannel.InApp),
                EmailMuted = muteable && db.NotificationMutes.Any(m => m.UserId == u.Id && m.Category == category && m.Channel == NotificationChannel.Email),
            })
            .ToListAsync(cancellationToken);
        var actorId = await currentUser.GetUserIdAsync();
        return candidates
            .Where(u => u.LockoutEnd != AppUser.AdministratorLockEnd && u.Id != actorId)
            .Select(u => new Recipient(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? "" : u.DisplayName, !u.InAppMuted,
                u.EmailMuted || string.IsNullOrWhiteSpace(u.Email) ? null : u.Email))
            .Where(r => r.InApp || r.Email is not null)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<List<string>> RoleIdsAsync(AppDbContext db, IReadOnlyCollection<string> roles, CancellationToken cancellationToken) =>
        roles.Count == 0 ? [] : await db.Roles.AsNoTracking().Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(cancellationToken);

    private static bool IsLocalPath(string link) =>
        link.Length <= Notification.LinkMaxLength && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.Contains('\\', StringComparison.Ordinal);

    private static string Shorten(string text, int maxLength) => text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");
}
