using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Notifications;

/// <summary>Each user's notification centre holds, counts and marks only that user's notifications.</summary>
public sealed class NotificationInboxTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly RecordTeamScenario _team = new(app);

    [Fact]
    public async Task CountUnread_CountsTheUsersUnreadNotificationsOnly()
    {
        var (ana, ben) = (await _team.PersonAsync("Ana Inbox"), await _team.PersonAsync("Ben Inbox"));
        await NotificationScenario.NotifyAsync(app, ana, "First");
        var second = await NotificationScenario.NotifyAsync(app, ana, "Second");
        await NotificationScenario.NotifyAsync(app, ana, "Third");
        await NotificationScenario.NotifyAsync(app, ben, "For Ben");
        await InboxAsync(ana, i => i.MarkReadAsync(second));

        Assert.Equal(2, await InboxAsync(ana, i => i.CountUnreadAsync()));
        Assert.Equal(1, await InboxAsync(ben, i => i.CountUnreadAsync()));
    }

    [Fact]
    public async Task MarkRead_OfAnotherUsersNotification_IsForbiddenAndLeavesItUnread()
    {
        var (ana, ben) = (await _team.PersonAsync("Ana Inbox"), await _team.PersonAsync("Ben Inbox"));
        var anas = await NotificationScenario.NotifyAsync(app, ana, "For Ana only");

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => InboxAsync(ben, i => i.MarkReadAsync(anas)));

        Assert.Equal("This notification is addressed to someone else; you can open and mark only your own.", refusal.Message);
        Assert.Null((await StoredAsync(anas)).ReadAtUtc);
        Assert.Equal(1, await InboxAsync(ana, i => i.CountUnreadAsync()));
    }

    [Fact]
    public async Task List_ShowsOnlyTheUsersOwnNotificationsNewestFirstPagedInTheDatabase()
    {
        var (ana, ben) = (await _team.PersonAsync("Ana Inbox"), await _team.PersonAsync("Ben Inbox"));
        var start = DateTime.UtcNow;
        await AddAsync(ana, "Oldest", start);
        await AddAsync(ana, "Middle", start.AddMinutes(1));
        await AddAsync(ana, "Newest", start.AddMinutes(2));
        var bens = await AddAsync(ben, "For Ben", start.AddMinutes(3));

        var first = await InboxAsync(ana, i => i.ListAsync(page: 0, pageSize: 2));
        var second = await InboxAsync(ana, i => i.ListAsync(page: 1, pageSize: 2));

        Assert.Equal(3, first.TotalCount);
        Assert.Equal(["Newest", "Middle"], first.Items.Select(n => n.Title));
        Assert.Equal(["Oldest"], second.Items.Select(n => n.Title));
        Assert.DoesNotContain(bens, first.Items.Concat(second.Items).Select(n => n.Id));
    }

    [Fact]
    public async Task MarkAllRead_MarksTheUsersOwnAndNobodyElses()
    {
        var (ana, ben) = (await _team.PersonAsync("Ana Inbox"), await _team.PersonAsync("Ben Inbox"));
        await NotificationScenario.NotifyAsync(app, ana, "One");
        await NotificationScenario.NotifyAsync(app, ana, "Two");
        var bens = await NotificationScenario.NotifyAsync(app, ben, "For Ben");

        Assert.Equal(2, await InboxAsync(ana, i => i.MarkAllReadAsync()));

        Assert.Equal(0, await InboxAsync(ana, i => i.CountUnreadAsync()));
        Assert.Null((await StoredAsync(bens)).ReadAtUtc);
    }

    [Fact]
    public async Task Mute_StopsThatCategoryOnlyAndUnmuteBringsItBack()
    {
        var ana = await _team.PersonAsync("Ana Inbox");
        await InboxAsync(ana, async i =>
        {
            await i.SetMutedAsync(NotificationCategory.DueDates, muted: true);
            return true;
        });

        await NotificationScenario.NotifyAsync(app, ana, "Due soon", NotificationCategory.DueDates);
        await NotificationScenario.NotifyAsync(app, ana, "Moved on", NotificationCategory.Workflow);
        Assert.Equal(["Moved on"], (await InboxAsync(ana, i => i.ListAsync(0, 10))).Items.Select(n => n.Title));

        await InboxAsync(ana, async i =>
        {
            await i.SetMutedAsync(NotificationCategory.DueDates, muted: false);
            return true;
        });
        await NotificationScenario.NotifyAsync(app, ana, "Due again", NotificationCategory.DueDates);
        Assert.Equal(2, await InboxAsync(ana, i => i.CountUnreadAsync()));
    }

    [Fact]
    public async Task MuteSecurity_IsRefusedAndSecurityNoticesArriveEvenWithAStoredMute()
    {
        var ana = await _team.PersonAsync("Ana Inbox");

        var refusal = await Assert.ThrowsAsync<DomainException>(() => InboxAsync(ana, async i =>
        {
            await i.SetMutedAsync(NotificationCategory.Security, muted: true);
            return true;
        }));
        Assert.Equal("Account security notifications cannot be muted: they tell you about your own account.", refusal.Message);

        // A mute written past the use case (an old row, a hand edit) does not silence security either.
        await using (var db = await app.CreateDbContextAsync())
        {
            db.NotificationMutes.Add(new NotificationMute { UserId = ana.Id, Category = NotificationCategory.Security });
            await db.SaveChangesAsync();
        }

        await NotificationScenario.NotifyAsync(app, ana, "Your password was changed", NotificationCategory.Security);
        Assert.Equal(1, await InboxAsync(ana, i => i.CountUnreadAsync()));
    }

    [Fact]
    public async Task Notify_WithALinkToAnotherSite_IsRefused()
    {
        var ana = await _team.PersonAsync("Ana Inbox");

        foreach (var link in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example/" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => NotificationScenario.NotifyAsync(app, ana, "Phish", link: link));
        }

        Assert.Equal(0, await InboxAsync(ana, i => i.CountUnreadAsync()));
    }

    /// <summary>Stores a notification with the time given, to test the order.</summary>
    private async Task<Guid> AddAsync(Person recipient, string title, DateTime createdAtUtc)
    {
        await using var db = await app.CreateDbContextAsync();
        var notification = new Notification
        {
            RecipientId = recipient.Id,
            Category = NotificationCategory.Workflow,
            Title = title,
            Body = "Body",
            Link = "/",
            CreatedAtUtc = createdAtUtc,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    }

    private async Task<Notification> StoredAsync(Guid id)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    private Task<T> InboxAsync<T>(Person person, Func<NotificationInbox, Task<T>> work) =>
        _team.AsAsync(person, s => work(s.GetRequiredService<NotificationInbox>()));
}
