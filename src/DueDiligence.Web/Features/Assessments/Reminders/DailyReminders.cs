using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Features.Assessments.Portal;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Infrastructure.Notifications.Webhooks;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Features.Assessments.Reminders;

/// <summary>
/// Today's reminders (as <see cref="TimeProvider"/> tells the day): findings and conditions due in the configured number
/// of days or overdue, evidence of a supplier's live assessment about to expire, reassessments due. Each goes out once per
/// item and day: it is saved with a <see cref="SentReminder"/> that a second run on the same day finds (and that a unique
/// index guards across instances). Those told: a finding's or condition's owner (while it has none, the analyst who
/// started the assessment and the supplier's owner); for evidence the analyst and the supplier's owner; for a
/// reassessment the supplier's owner; for a supplier contact's portal link about to stop working, the contact (by e-mail)
/// and the analyst who invited it. Each overdue condition is also a webhook event, once (for its due date).
/// </summary>
public sealed class DailyReminders(
    IDbContextFactory<AppDbContext> dbFactory, Notifier notifier, MailComposer mails, WebhookEvents webhooks, IOptions<ReminderOptions> options, TimeProvider time)
{
    /// <summary>The <see cref="SentReminder.Kind"/> recording that a condition's overdue event was raised; its date is the condition's due date.</summary>
    public const string ConditionOverdueEventKind = "condition-overdue-event";

    /// <summary>A reminder to users and, when <paramref name="Contact"/> is set, an e-mail to someone outside the app.</summary>
    private sealed record Reminder(
        string Kind, Guid ItemId, IReadOnlyCollection<string> UserIds, string Title, string Body, string Link, ContactReminder? Contact = null);

    private sealed record ContactReminder(string Address, string Name, ContactMessage Message);

    /// <summary>Sends today's reminders that have not gone out yet; returns how many went out now.</summary>
    public async Task<int> SendTodaysAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        var reminders = new List<Reminder>();
        reminders.AddRange(await FollowUpAsync(today, cancellationToken));
        reminders.AddRange(await EvidenceAsync(today, cancellationToken));
        reminders.AddRange(await ReassessmentsAsync(today, cancellationToken));
        reminders.AddRange(await PortalLinksAsync(today, cancellationToken));
        var sent = 0;
        foreach (var reminder in reminders)
        {
            sent += await SendOnceAsync(reminder, today, cancellationToken) ? 1 : 0;
        }

        await RaiseConditionsOverdueAsync(today, cancellationToken);
        return sent;
    }

    /// <summary>
    /// The webhook event of each condition past its due date and still outstanding, raised once: whichever day the run
    /// first finds it overdue (not only on the reminder's days), recorded as a <see cref="SentReminder"/> dated with the
    /// due date, so that a condition given a new due date is an event again once that one passes.
    /// </summary>
    private async Task RaiseConditionsOverdueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        List<(Guid SupplierId, Guid AssessmentId, Guid ConditionId, DateOnly DueOn)> overdue;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var assessments = await db.Assessments.AsNoTracking().Include(a => a.Conditions)
                .Where(a => a.Conditions.Any(c => c.DueOn < today))
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            var raised = await db.SentReminders.AsNoTracking().Where(r => r.Kind == ConditionOverdueEventKind)
                .Select(r => new { r.ItemId, r.OnDate }).ToListAsync(cancellationToken);
            var done = raised.Select(r => (r.ItemId, r.OnDate)).ToHashSet();
            overdue = [.. assessments.SelectMany(a => a.Conditions
                .Where(c => c.IsOverdueOn(today) && !done.Contains((c.Id, c.DueOn)))
                .Select(c => (a.SupplierId, a.Id, c.Id, c.DueOn)))];
        }

        foreach (var condition in overdue)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.SentReminders.Add(new SentReminder { Kind = ConditionOverdueEventKind, ItemId = condition.ConditionId, OnDate = condition.DueOn });
            await webhooks.RaiseAsync(db, WebhookEvent.ConditionOverdue(condition.SupplierId, condition.AssessmentId, condition.ConditionId, condition.DueOn), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                if (!await AlreadySentAsync(new Reminder(ConditionOverdueEventKind, condition.ConditionId, [], "", "", ""), condition.DueOn, cancellationToken))
                {
                    throw;
                }

                // Another instance raised it in the meantime (the unique index of sent reminders).
            }
        }
    }

    private async Task<bool> SendOnceAsync(Reminder reminder, DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.SentReminders.AnyAsync(r => r.Kind == reminder.Kind && r.ItemId == reminder.ItemId && r.OnDate == today, cancellationToken))
        {
            return false;
        }

        db.SentReminders.Add(new SentReminder { Kind = reminder.Kind, ItemId = reminder.ItemId, OnDate = today });
        await notifier.AddAsync(db, NotificationAudience.Users(reminder.UserIds, AssessmentAccess.Participants),
            new NotificationMessage(NotificationCategory.DueDates, reminder.Title, reminder.Body, reminder.Link), cancellationToken);
        if (reminder.Contact is { } contact)
        {
            db.OutboxMails.Add(mails.ComposeForContact(contact.Address, contact.Name, contact.Message, time.UtcNow()));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            if (await AlreadySentAsync(reminder, today, cancellationToken))
            {
                // Another instance sent it in the meantime.
                return false;
            }

            throw;
        }
    }

    private async Task<bool> AlreadySentAsync(Reminder reminder, DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SentReminders.AnyAsync(r => r.Kind == reminder.Kind && r.ItemId == reminder.ItemId && r.OnDate == today, cancellationToken);
    }

    private async Task<List<Reminder>> FollowUpAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var horizon = today.AddDays(options.Value.DueInDays.DefaultIfEmpty(0).Max());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Findings).Include(a => a.Conditions).AsSplitQuery()
            .Where(a => a.Findings.Any(f => f.DueOn != null && f.DueOn <= horizon) || a.Conditions.Any(c => c.DueOn <= horizon))
            .ToListAsync(cancellationToken);
        var suppliers = await SupplierNamesAsync(db, assessments.Select(a => a.SupplierId), cancellationToken);
        var reminders = new List<Reminder>();
        foreach (var assessment in assessments)
        {
            var (name, supplierOwnerId) = suppliers[assessment.SupplierId];
            // The item's owner; while it has none, the analyst and the supplier's owner.
            IReadOnlyCollection<string> People(string? ownerId) => ownerId is null ? [assessment.AnalystId, supplierOwnerId] : [ownerId];
            var link = $"/assessments/{assessment.Id}";
            foreach (var finding in assessment.Findings.Where(f => f.IsOutstanding && f.DueOn is not null))
            {
                AddDue(reminders, "finding", finding.Id, finding.DueOn!.Value, today, People(finding.OwnerId), $"A finding on {name}", finding.Description, link);
            }

            foreach (var condition in assessment.Conditions.Where(c => c.IsOutstanding))
            {
                AddDue(reminders, "condition", condition.Id, condition.DueOn, today, People(condition.OwnerId), $"A condition on {name}", condition.Description, link);
            }
        }

        return reminders;
    }

    private void AddDue(List<Reminder> reminders, string kind, Guid id, DateOnly dueOn, DateOnly today, IReadOnlyCollection<string> people, string what, string description, string link)
    {
        var daysLeft = dueOn.DayNumber - today.DayNumber;
        var overdueDays = -daysLeft;
        if (overdueDays >= 1 && (overdueDays - 1) % Math.Max(options.Value.OverdueEveryDays, 1) == 0)
        {
            reminders.Add(new Reminder($"{kind}-overdue", id, people, $"{what} is overdue", $"“{description}” was due on {IsoDates.InWords(dueOn)}.", link));
        }
        else if (daysLeft >= 0 && options.Value.DueInDays.Contains(daysLeft))
        {
            reminders.Add(new Reminder($"{kind}-due", id, people, $"{what} is due {InDays(daysLeft)}", $"“{description}” is due on {IsoDates.InWords(dueOn)}.", link));
        }
    }

    private async Task<List<Reminder>> EvidenceAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var horizon = today.AddDays(options.Value.EvidenceExpiringInDays.DefaultIfEmpty(0).Max());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var live = db.SupplierPositions.Where(p => p.LiveAssessmentId != null).Select(p => p.LiveAssessmentId!.Value);
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Evidence)
            .Where(a => live.Contains(a.Id) && a.Evidence.Any(e => e.ExpiresOn != null && e.ExpiresOn >= today && e.ExpiresOn <= horizon))
            .ToListAsync(cancellationToken);
        var suppliers = await SupplierNamesAsync(db, assessments.Select(a => a.SupplierId), cancellationToken);
        return assessments.SelectMany(a => a.Evidence
                .Where(e => e.CountsAsAttached && e.ExpiresOn is { } expires && options.Value.EvidenceExpiringInDays.Contains(expires.DayNumber - today.DayNumber))
                .Select(e => new Reminder("evidence-expiring", e.Id, [a.AnalystId, suppliers[a.SupplierId].OwnerId],
                    $"Evidence for {suppliers[a.SupplierId].Name} expires {InDays(e.ExpiresOn!.Value.DayNumber - today.DayNumber)}",
                    $"“{e.OriginalFileName}” (question {e.QuestionCode}) expires on {IsoDates.InWords(e.ExpiresOn!.Value)}; ask the supplier for a current one.",
                    $"/assessments/{a.Id}")))
            .ToList();
    }

    private async Task<List<Reminder>> ReassessmentsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var days = options.Value.ReassessmentDueInDays;
        var dates = days.Select(d => today.AddDays(d)).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var suppliers = await db.Suppliers.AsNoTracking()
            .Where(s => s.ReassessmentDueOn != null && dates.Contains(s.ReassessmentDueOn.Value))
            .Select(s => new { s.Id, s.LegalName, s.OwnerId, DueOn = s.ReassessmentDueOn!.Value })
            .ToListAsync(cancellationToken);
        return suppliers.Select(s => new Reminder("reassessment-due", s.Id, [s.OwnerId],
                $"{s.LegalName} is due for reassessment {InDays(s.DueOn.DayNumber - today.DayNumber)}",
                $"The reassessment of {s.LegalName} is due on {IsoDates.InWords(s.DueOn)}.", $"/suppliers/{s.Id}"))
            .ToList();
    }

    /// <summary>Portal links whose last day is near while their contact has not submitted, on a draft the contact can still answer.</summary>
    private async Task<List<Reminder>> PortalLinksAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var days = options.Value.PortalLinkExpiringInDays;
        // The link works until midnight at the start of ExpiresAtUtc's day: its last day is the day before.
        var from = today.AddDays(days.DefaultIfEmpty(0).Min() + 1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = today.AddDays(days.DefaultIfEmpty(0).Max() + 1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.SupplierInvitations.AsNoTracking()
            .Where(i => i.RevokedAtUtc == null && i.SubmittedAtUtc == null && i.ExpiresAtUtc >= from && i.ExpiresAtUtc <= to)
            .Join(db.Assessments.Where(a => a.Status == AssessmentStatus.Draft), i => i.AssessmentId, a => a.Id, (i, a) => new { Invitation = i, a.SupplierId })
            .ToListAsync(cancellationToken);
        var suppliers = await SupplierNamesAsync(db, open.Select(o => o.SupplierId), cancellationToken);
        return open
            .Select(o => (o.Invitation, Supplier: suppliers[o.SupplierId].Name, DaysLeft: PortalMails.LastDay(o.Invitation).DayNumber - today.DayNumber))
            .Where(o => days.Contains(o.DaysLeft))
            .Select(o => new Reminder("portal-link-expiring", o.Invitation.Id, [o.Invitation.InvitedById],
                $"{o.Invitation.ContactName}'s portal link for {o.Supplier} stops working {InDays(o.DaysLeft)}",
                $"{o.Invitation.ContactName} has not submitted their answers yet; the link works until {IsoDates.InWords(PortalMails.LastDay(o.Invitation))}. "
                + "They were reminded by e-mail too.",
                $"/assessments/{o.Invitation.AssessmentId}",
                new ContactReminder(o.Invitation.ContactEmail, o.Invitation.ContactName, PortalMails.LinkExpiring(o.Invitation, o.Supplier, InDays(o.DaysLeft)))))
            .ToList();
    }

    private static async Task<Dictionary<Guid, (string Name, string OwnerId)>> SupplierNamesAsync(AppDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Suppliers.AsNoTracking().Where(s => wanted.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => (s.LegalName, s.OwnerId), cancellationToken);
    }


    private static string InDays(int days) => days switch
    {
        0 => "today",
        1 => "tomorrow",
        _ => $"in {days} days",
    };
}
