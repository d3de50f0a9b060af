using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Observability;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Notifications.Mail;

/// <summary>
/// Sends the outbox every few seconds, on the one instance that holds the outbox lease: each due mail is handed to
/// <see cref="MailDelivery"/> and, as soon as the server accepted it, marked sent in a save of its own, so that it is never
/// sent again. A refused mail is tried again after a back-off that doubles (from <c>Mail:RetryAfterSeconds</c>, at most
/// six hours) until <c>Mail:MaxAttempts</c>. A mail whose acceptance was not recorded (the process died in between) is
/// sent again: at least once. A mail whose body holds a secret (<see cref="OutboxMail.HoldsSecret"/>) keeps no body once accepted.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes, MailDelivery delivery, IOptions<MailOptions> options, TimeProvider time, ILogger<OutboxSender> logger) : BackgroundService
{
    public const string LeaseName = "mail-outbox";

    private const int BatchSize = 50;
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(2);

    // One round at a time in this process: the lease keeps other instances out, not a second caller here.
    private readonly SemaphoreSlim _round = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (delivery.UsesSmtp)
        {
            logger.LogInformation("E-mails go to {Destination}.", delivery.Destination);
        }
        else
        {
            logger.LogWarning("No SMTP server is configured (Mail:SmtpHost): e-mails are not sent but written as .eml files to {Folder}.", delivery.PickupFolder);
        }

        await PeriodicRounds.RunAsync(Every, time, SendDueAsync, stoppingToken);
    }

    /// <summary>One round: sends the mails that are due; returns how many the server accepted (0 without the lease).</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
            if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().TryTakeAsync(LeaseName, LeaseFor, cancellationToken))
            {
                return 0;
            }

            var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
            var due = await DueAsync(contexts, cancellationToken);
            var sent = 0;
            await using var session = delivery.OpenSession();
            foreach (var mail in due)
            {
                using var span = Telemetry.Source.StartActivity("mail send", System.Diagnostics.ActivityKind.Client);
                try
                {
                    await session.SendAsync(mail, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
                    await RecordFailureAsync(contexts, mail.Id, e, CancellationToken.None);
                    continue;
                }

                // Accepted: recorded at once, in its own save, whatever happens to the rest of the round.
                await MarkSentAsync(contexts, mail.Id, CancellationToken.None);
                sent++;
            }

            return sent;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed round (the database unreachable, say) must not stop the app; the next round tries again.
            logger.LogError(e, "Sending the e-mail outbox failed; the next round tries again.");
            return 0;
        }
        finally
        {
            _round.Release();
        }
    }

    /// <summary>On a graceful stop the lease is given up, so that another instance sends at once.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<JobLeases>().ReleaseAsync(LeaseName, cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // The services were torn down before the stop: the lease runs out by itself.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The lease of the e-mail outbox could not be given up; it runs out by itself.");
        }
    }

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }

    private async Task<List<OutboxMail>> DueAsync(IDbContextFactory<AppDbContext> contexts, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OutboxMails.AsNoTracking()
            .Where(m => m.SentAtUtc == null && m.GaveUpAtUtc == null && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
    }

    private async Task MarkSentAsync(IDbContextFactory<AppDbContext> contexts, Guid id, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One statement: the mail is marked sent and, when its body holds a secret, forgets the body in the same moment.
        await db.OutboxMails.Where(m => m.Id == id).ExecuteUpdateAsync(
            set => set
                .SetProperty(m => m.SentAtUtc, now)
                .SetProperty(m => m.TextBody, m => m.HoldsSecret ? "" : m.TextBody)
                .SetProperty(m => m.HtmlBody, m => m.HoldsSecret ? "" : m.HtmlBody),
            cancellationToken);
    }

    private async Task RecordFailureAsync(IDbContextFactory<AppDbContext> contexts, Guid id, Exception error, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mail = await db.OutboxMails.SingleAsync(m => m.Id == id, cancellationToken);
        var maxAttempts = Math.Max(options.Value.MaxAttempts, 1);
        mail.RecordFailure(Describe(error), now, now + RetryBackOff.After(mail.Attempts + 1, options.Value.RetryAfterSeconds), maxAttempts);
        await db.SaveChangesAsync(cancellationToken);
        if (mail.GaveUpAtUtc is null)
        {
            logger.LogWarning("The e-mail {MessageId} to user {RecipientId} was not accepted ({Error}); attempt {Attempt} of {Max}, next at {Next:u}.",
                mail.MessageId, mail.RecipientId, Brief(error), mail.Attempts, maxAttempts, mail.NextAttemptAtUtc);
        }
        else
        {
            logger.LogError("The e-mail {MessageId} to user {RecipientId} was refused {Attempts} times; the last time: {Error}. It is not tried again.",
                mail.MessageId, mail.RecipientId, mail.Attempts, Brief(error));
        }
    }

    private static string Describe(Exception error) => error switch
    {
        MailKit.Net.Smtp.SmtpCommandException refused => $"The mail server refused it: {(int)refused.StatusCode} {refused.StatusCode} {refused.Message}".TrimEnd(),
        _ => $"{error.GetType().Name}: {error.Message}",
    };

    /// <summary>For the log: the server's status code or the error's kind, not its text, which may quote the recipient's address.</summary>
    private static string Brief(Exception error) => error is MailKit.Net.Smtp.SmtpCommandException refused
        ? $"{(int)refused.StatusCode} {refused.StatusCode}"
        : error.GetType().Name;
}
