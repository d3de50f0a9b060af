using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Operations;

/// <summary>E-mails put in the outbox of a test app, not due before next year, so that the sender leaves them waiting.</summary>
internal static class WaitingMails
{
    /// <summary>A year from the app's now: mails written then are not due before it.</summary>
    public static DateTime NextYear(AppFactory app) => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddYears(1);

    /// <param name="retryAtUtc">When given, each mail was refused once and waits until then (so that it may be written in the past).</param>
    public static async Task AddAsync(AppFactory app, int count, DateTime createdAtUtc, DateTime? retryAtUtc = null)
    {
        await using var db = await app.CreateDbContextAsync();
        var recipient = db.Users.OrderBy(u => u.Email).First();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            var mail = new OutboxMail
            {
                MessageId = $"{id:N}@test.local",
                RecipientId = recipient.Id,
                ToAddress = recipient.Email!,
                ToName = recipient.DisplayName,
                Category = NotificationCategory.Workflow,
                Subject = "Waiting",
                TextBody = "Waiting",
                HtmlBody = "<p>Waiting</p>",
                CreatedAtUtc = createdAtUtc,
            };
            if (retryAtUtc is { } retryAt)
            {
                mail.RecordFailure("421 Try again later", createdAtUtc, retryAt, maxAttempts: 100);
            }

            db.OutboxMails.Add(mail);
        }

        await db.SaveChangesAsync();
    }
}
