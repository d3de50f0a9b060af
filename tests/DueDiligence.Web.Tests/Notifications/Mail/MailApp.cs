using DueDiligence.Web.Features.Assessments.Reminders;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DueDiligence.Web.Tests.Notifications.Mail;

/// <summary>
/// The real app (as <see cref="AppFactory"/>) sending its mails to a <see cref="LoopbackSmtpServer"/>, on a clock the
/// tests move; <see cref="Instance"/> starts another instance of the app on the same database.
/// </summary>
public sealed class MailApp : IAsyncLifetime
{
    public const string AppUrl = "https://duediligence.example.test";

    public MailApp()
    {
        App = new AppFactory(TestDatabase.Current, demoData: true, builder =>
        {
            builder.UseSetting("Instance:Name", "first");
            builder.UseSetting("Mail:SmtpHost", "127.0.0.1");
            builder.UseSetting("Mail:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Mail:SmtpSecurity", "None");
            builder.UseSetting("Mail:From", "duediligence@example.test");
            builder.UseSetting("Mail:AppUrl", AppUrl);
            // The portal tests type many one-time codes from the one test address; the limit itself is tested on its own.
            builder.UseSetting("RateLimits:PortalCodePerIp:PermitLimit", "1000");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
    }

    public LoopbackSmtpServer Smtp { get; } = new();

    /// <summary>
    /// Tomorrow at 08:00 UTC: ahead of the real clock, as it must be. The run's database was set up by an instance on the
    /// real clock, which gave the set-up lease back at that moment; an instance whose clock stood before it would wait
    /// for the lease on a clock that never moves (a fixed 2026-12-07 08:00 hung every run started after it).
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(8), TimeSpan.Zero));

    /// <summary>The first instance; its data directory and database are every instance's.</summary>
    public AppFactory App { get; }

    /// <summary>Starts the app and waits until what it does as it starts has settled (<see cref="SettleAsync"/>).</summary>
    public Task InitializeAsync()
    {
        _ = App.Server;
        return SettleAsync();
    }

    /// <summary>
    /// Waits until the day's reminders have been written (a run of ours gets the lease only once a running one has ended,
    /// and then finds the day's reminders sent) and every mail now due is sent. The reminders job runs by itself whenever
    /// a test moves the clock past its hour, so a test that counts mails settles first and counts only its own.
    /// </summary>
    public async Task SettleAsync()
    {
        var reminders = App.Services.GetRequiredService<DailyRemindersJob>();
        while (await reminders.RunOnceAsync(CancellationToken.None) is null)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        await using var db = await App.CreateDbContextAsync();
        var now = Clock.GetUtcNow().UtcDateTime;
        for (var round = 1; await db.OutboxMails.AnyAsync(m => m.SentAtUtc == null && m.GaveUpAtUtc == null && m.NextAttemptAtUtc <= now); round++)
        {
            // None sent: the app's own sender holds the lease this moment.
            if (await SendDueAsync() == 0)
            {
                Assert.True(round < 100, "The mails due are still not sent.");
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }
        }
    }

    /// <summary>Another instance of the app on the same database, named <paramref name="name"/> (Instance:Name), on its own clock.</summary>
    public WebApplicationFactory<Program> Instance(string name, FakeTimeProvider clock) =>
        App.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Instance:Name", name);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });

    /// <summary>One round of the outbox sender of the instance (the first unless named).</summary>
    public Task<int> SendDueAsync(WebApplicationFactory<Program>? instance = null) =>
        (instance ?? App).Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);

    /// <summary>The messages the SMTP server accepted for <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> ReceivedBy(string address) =>
        Smtp.Received.Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
