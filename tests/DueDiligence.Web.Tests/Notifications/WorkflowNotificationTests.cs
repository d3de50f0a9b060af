using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Notifications.NotificationScenario;

namespace DueDiligence.Web.Tests.Notifications;

/// <summary>
/// Each step of the assessment workflow notifies exactly the people who act next or whose work it concerns, among those
/// who may read the assessment, whose account is active and who have not muted the workflow; never the one who acted.
/// </summary>
public sealed class WorkflowNotificationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Submit_NotifiesEveryActiveLegalReviewerWhoHasNotMutedTheWorkflow()
    {
        var scenario = await CreateAsync(app);
        var locked = await scenario.Team.PersonAsync("Lena Locked", AppRoles.LegalReviewer);
        var muted = await scenario.Team.PersonAsync("Milo Muted", AppRoles.LegalReviewer);
        await scenario.ChangeAccountAsync(locked, (users, user) => users.SetLockoutEndDateAsync(user, AppUser.AdministratorLockEnd));
        await scenario.MuteAsync(muted, NotificationCategory.Workflow);
        await scenario.DraftAsync();

        await scenario.SubmitAsync();

        var recipients = await scenario.RecipientsAsync("is ready for legal review");
        Assert.Equal(await ActiveUnmutedInRoleAsync(app, AppRoles.LegalReviewer, NotificationCategory.Workflow), recipients);
        Assert.Contains(scenario.Legal.Id, recipients);
        Assert.DoesNotContain(locked.Id, recipients);
        Assert.DoesNotContain(muted.Id, recipients);
        Assert.DoesNotContain(scenario.Starter.Id, recipients);
        Assert.DoesNotContain(scenario.Executive.Id, recipients);
    }

    [Fact]
    public async Task Submit_ByAnAnalystWhoIsAlsoALegalReviewer_DoesNotNotifyThemOfTheirOwnStep()
    {
        var scenario = await CreateAsync(app);
        await scenario.ChangeAccountAsync(scenario.Starter, (users, user) => users.AddToRoleAsync(user, AppRoles.LegalReviewer));
        await scenario.DraftAsync();

        await scenario.SubmitAsync();

        var recipients = await scenario.RecipientsAsync("is ready for legal review");
        Assert.Contains(scenario.Legal.Id, recipients);
        Assert.DoesNotContain(scenario.Starter.Id, recipients);
    }

    [Fact]
    public async Task StartReview_NotifiesTheAnalystWhoStartedItAndTheSupplierOwner()
    {
        var scenario = await CreateAsync(app);
        await scenario.DraftAsync();
        await scenario.SubmitAsync();

        await scenario.StartReviewAsync();

        Assert.Equal(Ids(scenario.Owner, scenario.Starter), await scenario.RecipientsAsync("is in legal review"));
        var notification = await SingleAsync(scenario.Starter.Id, scenario.Link, "is in legal review");
        Assert.Equal(NotificationCategory.Workflow, notification.Category);
        Assert.Equal("Lars Legal took the assessment of " + await SupplierNameAsync(scenario) + " into legal review.", notification.Body);
        Assert.Null(notification.ReadAtUtc);
    }

    [Fact]
    public async Task Forward_NotifiesEveryActiveExecutiveAndNoAnalyst()
    {
        var scenario = await CreateAsync(app);
        await scenario.DraftAsync();
        await scenario.SubmitAsync();
        await scenario.StartReviewAsync();

        await scenario.ForwardAsync();

        var recipients = await scenario.RecipientsAsync("awaits your decision");
        Assert.Equal(await ActiveUnmutedInRoleAsync(app, AppRoles.Executive, NotificationCategory.Workflow), recipients);
        Assert.Contains(scenario.Executive.Id, recipients);
        Assert.DoesNotContain(scenario.Owner.Id, recipients);
        Assert.DoesNotContain(scenario.Legal.Id, recipients);
    }

    [Fact]
    public async Task Return_NotifiesTheAnalystAndTheOwnerWithTheReason()
    {
        const string Reason = "Attach the signed NDA instead of the justification.";
        var scenario = await CreateAsync(app);
        await scenario.DraftAsync();
        await scenario.SubmitAsync();
        await scenario.StartReviewAsync();

        await scenario.ReturnAsync(Reason);

        Assert.Equal(Ids(scenario.Owner, scenario.Starter), await scenario.RecipientsAsync("was returned to draft"));
        Assert.EndsWith($"“{Reason}”", (await SingleAsync(scenario.Owner.Id, scenario.Link, "was returned to draft")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_NotifiesTheAnalystTheOwnerAndEveryCollaboratorButNotTheExecutive()
    {
        var scenario = await CreateAsync(app);
        await scenario.AwaitingDecisionAsync();

        await scenario.DecideAsync();

        Assert.Equal(Ids(scenario.Owner, scenario.Starter, scenario.Collaborator), await scenario.RecipientsAsync(": Approved"));
    }

    [Fact]
    public async Task Decide_WhenTheOwnerMayNoLongerReadAssessmentsAndACollaboratorMutedTheWorkflow_TellsNeither()
    {
        var scenario = await CreateAsync(app);
        await scenario.AwaitingDecisionAsync();
        // Without a role the former owner reads no assessment, so is told nothing about one.
        await scenario.ChangeAccountAsync(scenario.Owner, (users, user) => users.RemoveFromRoleAsync(user, AppRoles.Analyst));
        await scenario.MuteAsync(scenario.Collaborator, NotificationCategory.Workflow);

        await scenario.DecideAsync();

        Assert.Equal(Ids(scenario.Starter), await scenario.RecipientsAsync(": Approved"));
    }

    [Fact]
    public async Task RefusedStep_AddsNoNotification()
    {
        var scenario = await CreateAsync(app);
        await scenario.DraftAsync();
        await scenario.SubmitAsync();

        // Not yet in legal review: forwarding is refused, and nobody hears of it.
        await Assert.ThrowsAsync<DomainException>(scenario.ForwardAsync);

        Assert.Empty(await scenario.RecipientsAsync("awaits your decision"));
    }

    [Fact]
    public async Task WorkflowStep_IsAuditedButItsNotificationsAreNot()
    {
        var scenario = await CreateAsync(app);
        await scenario.DraftAsync();

        await scenario.SubmitAsync();

        await using var db = await app.CreateDbContextAsync();
        Assert.NotEmpty(await scenario.RecipientsAsync("is ready for legal review"));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == "Assessment" && e.EntityKey == scenario.AssessmentId.ToString()));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(Notification) || e.EntityType == nameof(NotificationMute)));
    }

    [Fact]
    public async Task SupplierChangedSinceDecision_NotifiesTheOwnerAndEveryExecutiveWhoHasNotMutedMonitoring()
    {
        const string Reason = "Vietnam was re-rated from High to Severe: live tier Critical (R 72.4), decided High (R 47.6).";
        var scenario = await CreateAsync(app);
        var muted = await scenario.Team.PersonAsync("Max Muted", AppRoles.Executive);
        await scenario.MuteAsync(muted, NotificationCategory.Monitoring);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DueDiligence.Web.Infrastructure.Persistence.AppDbContext>>().CreateDbContextAsync();
            var supplier = await db.Suppliers.FirstAsync(s => s.Id == scenario.SupplierId);
            await scope.ServiceProvider.GetRequiredService<Notifier>().SupplierChangedSinceDecisionAsync(db, new SupplierOnQueue(supplier.Id, supplier.LegalName, supplier.OwnerId), Reason);
            await db.SaveChangesAsync();
        }

        var link = $"/suppliers/{scenario.SupplierId}";
        var recipients = await RecipientsAsync(app, link, "changed since its decision");
        var executives = await ActiveUnmutedInRoleAsync(app, AppRoles.Executive, NotificationCategory.Monitoring);
        Assert.Equal([.. executives.Append(scenario.Owner.Id).Order(StringComparer.Ordinal)], recipients);
        Assert.DoesNotContain(muted.Id, recipients);
        Assert.DoesNotContain(scenario.Collaborator.Id, recipients);
        var notification = await SingleAsync(scenario.Owner.Id, link, "changed since its decision");
        Assert.Equal((NotificationCategory.Monitoring, Reason), (notification.Category, notification.Body));
    }

    private async Task<Notification> SingleAsync(string recipientId, string link, string titleEnd)
    {
        await using var db = await app.CreateDbContextAsync();
        return (await db.Notifications.AsNoTracking().Where(n => n.RecipientId == recipientId && n.Link == link).ToListAsync())
            .Single(n => n.Title.EndsWith(titleEnd, StringComparison.Ordinal));
    }

    private async Task<string> SupplierNameAsync(NotificationScenario scenario)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Suppliers.Where(s => s.Id == scenario.SupplierId).Select(s => s.LegalName).SingleAsync();
    }
}
