using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Persistence.Migrations;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Notifications;

/// <summary>
/// Findings and conditions are owned by users: the owner is chosen from the users who may own an item of the assessment
/// (legal reviewers and the supplier's team, active accounts), and is told (in the app and by e-mail); anyone else is
/// refused by the use case, whatever a page posted; without an owner an item is "Unassigned"; text owners of old rows
/// show as "Unassigned — was: …" until someone assigns a user; the backfill of the migration matches old text owners to
/// users; "My work" lists a user's own outstanding items only.
/// </summary>
public sealed class OwnerTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly Later = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);

    [Fact]
    public async Task Add_WithAnEligibleUser_MakesThemTheOwnerTellsThemAndAudits_WithoutOne_LeavesItUnassigned()
    {
        var (scenario, owner) = await InReviewAsync();

        var saved = await AddAsync(scenario, owner.Id, conditionOwnerId: null);

        var finding = Assert.Single(saved.Findings);
        Assert.Equal(owner.Id, finding.OwnerId);
        Assert.Equal(owner.Name, finding.OwnerLabel);
        var condition = Assert.Single(saved.Conditions);
        Assert.Null(condition.OwnerId);
        Assert.Equal("Unassigned", condition.OwnerLabel);
        await using var db = await app.CreateDbContextAsync();
        Assert.True(await db.Notifications.AnyAsync(n => n.RecipientId == owner.Id && n.Category == NotificationCategory.Assignments && n.Link == scenario.Link));
        Assert.True(await db.OutboxMails.AnyAsync(m => m.RecipientId == owner.Id && m.Category == NotificationCategory.Assignments));
        var audited = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "Finding" && e.EntityKey.Contains(finding.Id.ToString())).Select(e => e.Changes).ToListAsync();
        Assert.Contains(audited, changes => changes.Contains(owner.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Add_WithAUserWhoMayNotOwnIt_IsRefusedWithWhoMay_AndSavesNothing()
    {
        var (scenario, _) = await InReviewAsync();
        var outsider = await scenario.Team.PersonAsync("Otto Outsider");
        var admin = await scenario.Team.PersonAsync("Ada Admin", AppRoles.Admin);
        var locked = await scenario.Team.PersonAsync("Lena Locked", AppRoles.LegalReviewer);
        await scenario.ChangeAccountAsync(locked, (users, user) => users.SetLockoutEndDateAsync(user, AppUser.AdministratorLockEnd));

        foreach (var refused in new[] { outsider.Id, scenario.Executive.Id, admin.Id, locked.Id, "no-such-user" })
        {
            var finding = await Assert.ThrowsAsync<DomainException>(() => scenario.Team.AsAsync(scenario.Legal, s => s.GetRequiredService<ReviewAssessment>()
                .AddFindingAsync(scenario.AssessmentId, new FindingDetails(FindingSeverity.High, "Refused owner", DueOn: Later), refused)));
            var condition = await Assert.ThrowsAsync<DomainException>(() => scenario.Team.AsAsync(scenario.Legal, s => s.GetRequiredService<ReviewAssessment>()
                .AddConditionAsync(scenario.AssessmentId, new ConditionDetails("Refused owner", Later), refused)));
            Assert.StartsWith("Choose the owner from the list: a legal reviewer, or an analyst on the team of Team Supplier ", finding.Message, StringComparison.Ordinal);
            Assert.Equal(finding.Message, condition.Message);
        }

        var assessment = (await scenario.Team.AsAsync(scenario.Legal, s => s.GetRequiredService<AssessmentQueries>().GetAsync(scenario.AssessmentId)))!.Assessment;
        Assert.Empty(assessment.Findings);
        Assert.Empty(assessment.Conditions);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.Notifications.AnyAsync(n => n.Category == NotificationCategory.Assignments && n.Link == scenario.Link));
    }

    [Fact]
    public async Task Choices_AreTheActiveLegalReviewersAndTheSuppliersTeam_ByNameWithTheirRole()
    {
        var (scenario, owner) = await InReviewAsync();
        var outsider = await scenario.Team.PersonAsync("Otto Outsider");
        var locked = await scenario.Team.PersonAsync("Lena Locked", AppRoles.LegalReviewer);
        await scenario.ChangeAccountAsync(locked, (users, user) => users.SetLockoutEndDateAsync(user, AppUser.AdministratorLockEnd));

        var choices = await scenario.Team.AsAsync(scenario.Legal, s => s.GetRequiredService<AssignOwner>().ChoicesAsync(scenario.AssessmentId));

        var roles = choices.ToDictionary(c => c.Id, c => c.Role);
        Assert.Equal("Procurement analyst, supplier's owner", roles[scenario.Owner.Id]);
        Assert.Equal("Procurement analyst, collaborator", roles[scenario.Collaborator.Id]);
        Assert.Equal("Procurement analyst, collaborator", roles[scenario.Starter.Id]);
        Assert.Equal("Legal reviewer", roles[scenario.Legal.Id]);
        Assert.Equal("Legal reviewer", roles[owner.Id]);
        Assert.DoesNotContain(outsider.Id, roles.Keys);
        Assert.DoesNotContain(locked.Id, roles.Keys);
        Assert.DoesNotContain(scenario.Executive.Id, roles.Keys);
        Assert.Equal(choices.Select(c => c.Name).Order(StringComparer.CurrentCultureIgnoreCase), choices.Select(c => c.Name));
    }

    [Fact]
    public async Task Assign_AfterTheDecision_ByTheSupplierTeam_SetsTheOwnerAndTellsThem_OthersAreRefused()
    {
        var (scenario, owner) = await InReviewAsync();
        var saved = await AddAsync(scenario, null, null);
        await scenario.ForwardAsync();
        await scenario.Team.AsAsync(scenario.Executive, s => s.GetRequiredService<DecideAssessment>()
            .ExecuteAsync(scenario.AssessmentId, DecisionOutcome.ApprovedWithConditions, "Approve once the condition is met."));
        var item = new FollowUpItem(FollowUpKind.Condition, saved.Conditions[0].Id);
        var outsider = await scenario.Team.PersonAsync("Otto Outsider");
        var admin = await scenario.Team.PersonAsync("Ada Admin", AppRoles.Admin);

        await Assert.ThrowsAsync<ForbiddenException>(() => scenario.Team.AsAsync(outsider, s => s.GetRequiredService<AssignOwner>().AssignAsync(scenario.AssessmentId, item, owner.Id)));
        await Assert.ThrowsAsync<DomainException>(() => scenario.Team.AsAsync(scenario.Owner, s => s.GetRequiredService<AssignOwner>().AssignAsync(scenario.AssessmentId, item, admin.Id)));
        await Assert.ThrowsAsync<DomainException>(() => scenario.Team.AsAsync(scenario.Owner, s => s.GetRequiredService<AssignOwner>().AssignAsync(scenario.AssessmentId, item, outsider.Id)));
        var assigned = await scenario.Team.AsAsync(scenario.Owner, s => s.GetRequiredService<AssignOwner>().AssignAsync(scenario.AssessmentId, item, owner.Id));

        Assert.Equal(owner.Id, assigned.Conditions[0].OwnerId);
        Assert.Equal(owner.Name, assigned.Conditions[0].OwnerLabel);
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.RecipientId == owner.Id && n.Category == NotificationCategory.Assignments));
        var audited = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "ContractCondition").Select(e => e.Changes).ToListAsync();
        Assert.Contains(audited, changes => changes.Contains(owner.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Backfill_MatchesTextOwnersToTheOneUserWithThatNameOrEmail_AndLeavesTheRest()
    {
        var (scenario, owner) = await InReviewAsync();
        var twinName = $"Twin {Guid.NewGuid():N}"[..16];
        await scenario.Team.PersonAsync(twinName);
        await scenario.Team.PersonAsync(twinName);
        await AddAsync(scenario, null, null);
        await using (var db = await app.CreateDbContextAsync())
        {
            // As written before owners were users: text only.
            await db.Database.ExecuteSqlAsync($"UPDATE \"Findings\" SET \"Owner\" = {"  " + owner.Email.ToUpperInvariant() + " "}, \"OwnerId\" = NULL WHERE \"Description\" = {"Finding " + scenario.AssessmentId}");
            await db.Database.ExecuteSqlAsync($"UPDATE \"ContractConditions\" SET \"Owner\" = {twinName}, \"OwnerId\" = NULL WHERE \"Description\" = {"Condition " + scenario.AssessmentId}");
            foreach (var statement in OwnerBackfill.Statements)
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }
        }

        var assessment = (await scenario.Team.AsAsync(scenario.Legal, s => s.GetRequiredService<AssessmentQueries>().GetAsync(scenario.AssessmentId)))!.Assessment;
        Assert.Equal(owner.Id, assessment.Findings[0].OwnerId);
        Assert.Equal(owner.Name, assessment.Findings[0].OwnerLabel);
        Assert.Null(assessment.Conditions[0].OwnerId);
        Assert.Equal($"Unassigned — was: {twinName}", assessment.Conditions[0].OwnerLabel);
    }

    [Fact]
    public async Task MyWork_ListsOnlyTheUsersOwnOutstandingItems_AndRefusesRolesOutsideAssessments()
    {
        var (scenario, owner) = await InReviewAsync();
        await AddAsync(scenario, owner.Id, scenario.Legal.Id);
        var admin = await scenario.Team.PersonAsync("Ada Admin", AppRoles.Admin);

        var mine = await scenario.Team.AsAsync(owner, s => s.GetRequiredService<MyWorkQueries>().MineAsync(0, 100));
        var others = await scenario.Team.AsAsync(scenario.Starter, s => s.GetRequiredService<MyWorkQueries>().MineAsync(0, 100));

        var item = Assert.Single(mine.Items);
        Assert.Equal(scenario.AssessmentId, item.AssessmentId);
        Assert.Equal(FollowUpKind.Finding, item.Kind);
        Assert.Equal(Later, item.DueOn);
        Assert.DoesNotContain(others.Items, i => i.AssessmentId == scenario.AssessmentId);
        await Assert.ThrowsAsync<ForbiddenException>(() => scenario.Team.AsAsync(admin, s => s.GetRequiredService<MyWorkQueries>().MineAsync(0, 100)));
    }

    private async Task<(NotificationScenario Scenario, Person Owner)> InReviewAsync()
    {
        var scenario = await NotificationScenario.CreateAsync(app);
        // A legal reviewer other than the one who reviews: owners are not only the supplier's team.
        var owner = await scenario.Team.PersonAsync($"Owen {Guid.NewGuid():N}"[..17], AppRoles.LegalReviewer);
        await scenario.DraftAsync();
        await scenario.SubmitAsync();
        await scenario.StartReviewAsync();
        return (scenario, owner);
    }

    /// <summary>Adds a finding and a condition as legal, owned by the users with these ids (null: unassigned).</summary>
    private static Task<Assessment> AddAsync(NotificationScenario scenario, string? findingOwnerId, string? conditionOwnerId) =>
        scenario.Team.AsAsync(scenario.Legal, async s =>
        {
            var review = s.GetRequiredService<ReviewAssessment>();
            await review.AddFindingAsync(scenario.AssessmentId, new FindingDetails(FindingSeverity.High, $"Finding {scenario.AssessmentId}", DueOn: Later), findingOwnerId);
            return (await review.AddConditionAsync(scenario.AssessmentId, new ConditionDetails($"Condition {scenario.AssessmentId}", Later), conditionOwnerId)).Assessment;
        });
}
