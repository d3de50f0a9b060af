using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Reminders;
using DueDiligence.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Notifications.Mail;

/// <summary>
/// The daily reminders, on the clock the tests move: at each lead time and when overdue, once per item and day however
/// often the job runs, to the analyst and the supplier's owner, in the app and by e-mail.
/// </summary>
public sealed class ReminderTests(MailApp mail) : IClassFixture<MailApp>
{
    [Fact]
    public async Task Reminders_ForAFindingDueInAWeek_GoOutOnceAtEachLeadTimeAndWhenOverdue()
    {
        var scenario = await NotificationScenario.CreateAsync(mail.App);
        await scenario.DraftAsync();
        await scenario.SubmitAsync();
        await scenario.StartReviewAsync();
        var dueOn = mail.Clock.Today().AddDays(7);
        await scenario.Team.AsAsync(scenario.Legal, s => s.GetRequiredService<ReviewAssessment>().AddFindingAsync(
            scenario.AssessmentId, new FindingDetails(FindingSeverity.High, "No audit rights at the <tool room>.", DueOn: dueOn)));

        await RunTwiceAsync();
        Assert.Equal(["is due in 7 days"], await RemindersAsync(scenario, scenario.Starter.Id));
        Assert.Equal(["is due in 7 days"], await RemindersAsync(scenario, scenario.Owner.Id));
        await using (var db = await mail.App.CreateDbContextAsync())
        {
            Assert.Equal(1, await db.OutboxMails.CountAsync(m => m.RecipientId == scenario.Starter.Id && m.Subject.EndsWith("is due in 7 days")));
        }

        mail.Clock.Advance(TimeSpan.FromDays(1));
        await RunTwiceAsync();
        Assert.Single(await RemindersAsync(scenario, scenario.Starter.Id));

        mail.Clock.Advance(TimeSpan.FromDays(5));
        await RunTwiceAsync();
        Assert.Equal(["is due in 7 days", "is due tomorrow"], await RemindersAsync(scenario, scenario.Starter.Id));

        mail.Clock.Advance(TimeSpan.FromDays(2));
        await RunTwiceAsync();
        mail.Clock.Advance(TimeSpan.FromDays(1));
        await RunTwiceAsync();
        Assert.Equal(["is due in 7 days", "is due tomorrow", "is overdue"], await RemindersAsync(scenario, scenario.Starter.Id));
        Assert.DoesNotContain(scenario.Legal.Id, await RecipientsAsync(scenario));
    }

    [Fact]
    public async Task Reminders_ForAReassessmentDueInThirtyDays_GoToTheSupplierOwnerOnce()
    {
        var scenario = await NotificationScenario.CreateAsync(mail.App);
        var dueOn = mail.Clock.Today().AddDays(30);
        await using (var db = await mail.App.CreateDbContextAsync())
        {
            await db.Suppliers.Where(s => s.Id == scenario.SupplierId).ExecuteUpdateAsync(set => set.SetProperty(s => s.ReassessmentDueOn, dueOn));
        }

        await RunTwiceAsync();

        await using var check = await mail.App.CreateDbContextAsync();
        var titles = await check.Notifications.AsNoTracking().Where(n => n.Link == $"/suppliers/{scenario.SupplierId}" && n.RecipientId == scenario.Owner.Id)
            .Select(n => n.Title).ToListAsync();
        Assert.Single(titles, t => t.EndsWith("is due for reassessment in 30 days", StringComparison.Ordinal));
    }

    private async Task RunTwiceAsync()
    {
        var job = mail.App.Services.GetRequiredService<DailyRemindersJob>();
        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);
    }

    /// <summary>The endings of the due-date reminders the user got about the scenario's assessment, oldest first.</summary>
    private async Task<IReadOnlyList<string>> RemindersAsync(NotificationScenario scenario, string userId)
    {
        await using var db = await mail.App.CreateDbContextAsync();
        var titles = await db.Notifications.AsNoTracking()
            .Where(n => n.Link == scenario.Link && n.RecipientId == userId && n.Category == Web.Infrastructure.Notifications.NotificationCategory.DueDates)
            .OrderBy(n => n.CreatedAtUtc).Select(n => n.Title).ToListAsync();
        return titles.Select(t => t[(t.IndexOf(" is ", StringComparison.Ordinal) + 1)..]).ToList();
    }

    private async Task<IReadOnlyList<string>> RecipientsAsync(NotificationScenario scenario)
    {
        await using var db = await mail.App.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking()
            .Where(n => n.Link == scenario.Link && n.Category == Web.Infrastructure.Notifications.NotificationCategory.DueDates)
            .Select(n => n.RecipientId).Distinct().ToListAsync();
    }
}
