using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace DueDiligence.Web.Tests.Notifications.Mail;

/// <summary>Without an SMTP server the app works: each mail is written as an .eml file to the data directory, and the administrator is told where.</summary>
public sealed class PickupFolderTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly RecordTeamScenario _team = new(app);

    [Fact]
    public async Task Send_WithoutSmtp_WritesTheMailAsAnEmlFileInTheDataDirectory()
    {
        var ana = await _team.PersonAsync("Ana Pickup");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            await scope.ServiceProvider.GetRequiredService<Notifier>().AddAsync(
                db, NotificationAudience.Users([ana.Id], AppRoles.All), new NotificationMessage(NotificationCategory.Workflow, "Written to a file", "Body", "/assessments"), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await app.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);

        await using var check = await app.CreateDbContextAsync();
        var row = await check.OutboxMails.AsNoTracking().SingleAsync(m => m.RecipientId == ana.Id);
        Assert.NotNull(row.SentAtUtc);
        var file = Path.Combine(app.DataDirectory, "mail", $"{row.Id:N}.eml");
        var written = await MimeMessage.LoadAsync(file);
        Assert.Equal(row.MessageId, written.MessageId);
        Assert.Equal(ana.Email, written.To.Mailboxes.Single().Address);
        Assert.Contains("Open DueDiligence and go to /assessments.", written.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailDelivery_WithoutSmtp_NamesTheFolderToAdministratorsOnly()
    {
        var admin = await _team.PersonAsync("Ada Admin", AppRoles.Admin);
        var analyst = await _team.PersonAsync("Ana Analyst");

        var toAdmin = await _team.AsAsync(admin, s => s.GetRequiredService<NotificationInbox>().EmailDeliveryAsync());
        var toAnalyst = await _team.AsAsync(analyst, s => s.GetRequiredService<NotificationInbox>().EmailDeliveryAsync());

        Assert.False(toAdmin.UsesSmtp);
        Assert.Equal(Path.Combine(app.DataDirectory, "mail"), toAdmin.PickupFolder);
        Assert.False(toAnalyst.UsesSmtp);
        Assert.Null(toAnalyst.PickupFolder);
    }
}
