using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DueDiligence.Web.Tests.Notifications.Mail;

/// <summary>
/// E-mail through the outbox, to a real SMTP server on loopback: written in the transaction of the change, sent by the
/// background sender with a stable Message-ID, retried after a refusal with back-off, never sent again once accepted,
/// sent once by another instance after the instance that wrote it died, and not written for a muted category.
/// </summary>
public sealed class OutboxTests(MailApp mail) : IClassFixture<MailApp>
{
    private readonly RecordTeamScenario _team = new(mail.App);

    [Fact]
    public async Task Notify_WritesTheMailWithTheChange_AndTheSenderDeliversIt_EscapedWithALinkAndAStableMessageId()
    {
        var ana = await _team.PersonAsync("Ana <b>Analyst</b>");
        await mail.SettleAsync();

        await NotifyAsync(ana, "Supplier <script>alert(1)</script> needs you", "Reason: <img src=x onerror=alert(1)> & more", "/assessments/42");

        var row = await OutboxRowAsync(ana);
        Assert.Null(row.SentAtUtc);
        await mail.SettleAsync(); // sends it: this test's round, or the app's own if it came first (a busy machine)
        var received = Assert.Single(mail.ReceivedBy(ana.Email));
        Assert.Equal(row.MessageId, received.MessageId);
        Assert.EndsWith("@example.test", received.MessageId, StringComparison.Ordinal);
        Assert.Equal("Supplier <script>alert(1)</script> needs you", received.Subject);
        Assert.Contains($"{MailApp.AppUrl}/assessments/42", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; &amp; more", received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Ana &lt;b&gt;Analyst&lt;/b&gt;", received.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", received.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{MailApp.AppUrl}/assessments/42\"", received.HtmlBody, StringComparison.Ordinal);
        Assert.NotNull((await OutboxRowAsync(ana)).SentAtUtc);
    }

    [Fact]
    public async Task Notify_WhenTheChangeIsNotSaved_WritesNoMail()
    {
        var ana = await _team.PersonAsync("Ana Unsaved");
        await using (var scope = mail.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            await scope.ServiceProvider.GetRequiredService<Notifier>().AddAsync(
                db, NotificationAudience.Users([ana.Id], AppRoles.All), new NotificationMessage(NotificationCategory.Workflow, "Never saved", "Body", "/assessments"), CancellationToken.None);
            Assert.Single(db.ChangeTracker.Entries<OutboxMail>());
        }

        await using var check = await mail.App.CreateDbContextAsync();
        Assert.False(await check.OutboxMails.AnyAsync(m => m.RecipientId == ana.Id));
    }

    [Fact]
    public async Task Send_WhenTheServerRefuses_TriesAgainOnlyAfterTheBackOff_WhichDoubles()
    {
        var ana = await _team.PersonAsync("Ana Refused");
        await mail.SettleAsync();
        await NotifyAsync(ana, "Refused twice first", "Body", "/assessments");
        mail.Smtp.RefuseNext(2);

        Assert.Equal(0, await mail.SendDueAsync());
        var first = await OutboxRowAsync(ana);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(first.CreatedAtUtc.AddSeconds(60), first.NextAttemptAtUtc);
        Assert.Contains("554", first.LastError, StringComparison.Ordinal);

        mail.Clock.Advance(TimeSpan.FromSeconds(59));
        await mail.SendDueAsync();
        Assert.Equal(1, (await OutboxRowAsync(ana)).Attempts);

        mail.Clock.Advance(TimeSpan.FromSeconds(1));
        await mail.SendDueAsync();
        var second = await OutboxRowAsync(ana);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(mail.Clock.GetUtcNow().UtcDateTime.AddSeconds(120), second.NextAttemptAtUtc, TimeSpan.FromSeconds(1));
        Assert.Empty(mail.ReceivedBy(ana.Email));

        mail.Clock.Advance(TimeSpan.FromSeconds(120));
        await mail.SendDueAsync();
        Assert.Single(mail.ReceivedBy(ana.Email));
        Assert.NotNull((await OutboxRowAsync(ana)).SentAtUtc);
    }

    [Fact]
    public async Task Send_OnceAccepted_IsNeverSentAgain()
    {
        var ana = await _team.PersonAsync("Ana Once");
        await NotifyAsync(ana, "Only once", "Body", "/assessments");
        await mail.SendDueAsync();

        for (var round = 0; round < 3; round++)
        {
            mail.Clock.Advance(TimeSpan.FromHours(7));
            await mail.SendDueAsync();
        }

        Assert.Single(mail.ReceivedBy(ana.Email));
    }

    [Fact]
    public async Task Send_AfterTheInstanceThatWroteTheMailDiedBeforeSending_IsSentOnceByAnotherInstance()
    {
        var ana = await _team.PersonAsync("Ana Crash");
        await mail.SettleAsync();
        var doomed = mail.Instance("doomed", new FakeTimeProvider(mail.Clock.GetUtcNow()));
        await using (var scope = doomed.Services.CreateAsyncScope())
        {
            // The change and its mail are committed; the process dies before its sender's next round.
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            await scope.ServiceProvider.GetRequiredService<Notifier>().AddAsync(
                db, NotificationAudience.Users([ana.Id], AppRoles.All), new NotificationMessage(NotificationCategory.Workflow, "Survives a crash", "Body", "/assessments"), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await doomed.DisposeAsync();
        Assert.Empty(mail.ReceivedBy(ana.Email));

        // The first instance holds the outbox lease for two minutes; the next instance starts after it ran out.
        var nextClock = new FakeTimeProvider(mail.Clock.GetUtcNow().AddMinutes(3));
        await using var next = mail.Instance("next", nextClock);
        await mail.SendDueAsync(next);
        nextClock.Advance(TimeSpan.FromHours(1));
        await mail.SendDueAsync(next);

        var received = Assert.Single(mail.ReceivedBy(ana.Email));
        Assert.Equal((await OutboxRowAsync(ana)).MessageId, received.MessageId);
        mail.Clock.Advance(TimeSpan.FromHours(2));
        await mail.SettleAsync();
        Assert.Single(mail.ReceivedBy(ana.Email));
    }

    [Fact]
    public async Task Send_WhileAnotherInstanceHoldsTheOutboxLease_SendsNothing()
    {
        var ana = await _team.PersonAsync("Ana Leased");
        await mail.SettleAsync();
        await using (var db = await mail.App.CreateDbContextAsync())
        {
            // Another instance took the lease (the first instance's had run out) and holds it for two minutes.
            var until = mail.Clock.GetUtcNow().UtcDateTime.AddMinutes(2);
            await db.JobLeases.Where(l => l.Name == OutboxSender.LeaseName)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, "other").SetProperty(l => l.ExpiresAtUtc, until));
        }

        await NotifyAsync(ana, "Held by another", "Body", "/assessments");

        Assert.Equal(0, await mail.SendDueAsync());
        Assert.Empty(mail.ReceivedBy(ana.Email));

        mail.Clock.Advance(TimeSpan.FromMinutes(2));
        await mail.SendDueAsync();
        Assert.Single(mail.ReceivedBy(ana.Email));
    }

    [Fact]
    public async Task Notify_WhenTheCategoryIsMutedForEmail_WritesTheNotificationButNoMail_AndMutedInTheAppTheMailOnly()
    {
        var emailMuted = await _team.PersonAsync("Eve Email-muted");
        var appMuted = await _team.PersonAsync("Ian App-muted");
        await _team.AsAsync(emailMuted, s => s.GetRequiredService<NotificationInbox>().SetMutedAsync(NotificationCategory.Workflow, muted: true, NotificationChannel.Email));
        await _team.AsAsync(appMuted, s => s.GetRequiredService<NotificationInbox>().SetMutedAsync(NotificationCategory.Workflow, muted: true));

        await NotifyAsync(emailMuted, "Muted by e-mail", "Body", "/assessments");
        await NotifyAsync(appMuted, "Muted in the app", "Body", "/assessments");

        await using var db = await mail.App.CreateDbContextAsync();
        Assert.True(await db.Notifications.AnyAsync(n => n.RecipientId == emailMuted.Id));
        Assert.False(await db.OutboxMails.AnyAsync(m => m.RecipientId == emailMuted.Id));
        Assert.False(await db.Notifications.AnyAsync(n => n.RecipientId == appMuted.Id));
        Assert.True(await db.OutboxMails.AnyAsync(m => m.RecipientId == appMuted.Id));
    }

    [Fact]
    public async Task MuteEmail_ForAccountSecurity_IsRefused_AndSecurityMailsStillGoOut()
    {
        var ana = await _team.PersonAsync("Ana Secure");

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            _team.AsAsync(ana, s => s.GetRequiredService<NotificationInbox>().SetMutedAsync(NotificationCategory.Security, muted: true, NotificationChannel.Email)));
        Assert.Contains("cannot be muted", refused.Message, StringComparison.Ordinal);

        await NotifyAsync(ana, "Your password was changed", "Body", "/account", NotificationCategory.Security);
        Assert.Equal(NotificationCategory.Security, (await OutboxRowAsync(ana)).Category);
    }

    private async Task NotifyAsync(Person recipient, string title, string body, string link, NotificationCategory category = NotificationCategory.Workflow)
    {
        await using var scope = mail.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await scope.ServiceProvider.GetRequiredService<Notifier>().AddAsync(
            db, NotificationAudience.Users([recipient.Id], AppRoles.All), new NotificationMessage(category, title, body, link), CancellationToken.None);
        await db.SaveChangesAsync();
    }

    private async Task<OutboxMail> OutboxRowAsync(Person recipient)
    {
        await using var db = await mail.App.CreateDbContextAsync();
        return await db.OutboxMails.AsNoTracking().SingleAsync(m => m.RecipientId == recipient.Id);
    }
}
