using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Assessments;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Notifications;

/// <summary>
/// Real accounts walking an assessment through the workflow with the use cases the pages call: a supplier owned by
/// <see cref="Owner"/>, shared with two collaborators, the assessment started by <see cref="Starter"/> (one of them).
/// </summary>
internal sealed class NotificationScenario
{
    private NotificationScenario(AppFactory app, RecordTeamScenario team, Person owner, Person starter, Person collaborator, Person legal, Person executive, Guid supplierId)
    {
        App = app;
        Team = team;
        Owner = owner;
        Starter = starter;
        Collaborator = collaborator;
        Legal = legal;
        Executive = executive;
        SupplierId = supplierId;
    }

    public AppFactory App { get; }

    public RecordTeamScenario Team { get; }

    public Person Owner { get; }

    public Person Starter { get; }

    public Person Collaborator { get; }

    public Person Legal { get; }

    public Person Executive { get; }

    public Guid SupplierId { get; }

    public Guid AssessmentId { get; private set; }

    public string Link => $"/assessments/{AssessmentId}";

    public static async Task<NotificationScenario> CreateAsync(AppFactory app)
    {
        var team = new RecordTeamScenario(app);
        var owner = await team.PersonAsync("Olga Owner");
        var starter = await team.PersonAsync("Sam Starter");
        var collaborator = await team.PersonAsync("Cleo Collaborator");
        var legal = await team.PersonAsync("Lars Legal", AppRoles.LegalReviewer);
        var executive = await team.PersonAsync("Erin Executive", AppRoles.Executive);
        var supplierId = await team.SupplierAsync(owner);
        foreach (var member in new[] { starter, collaborator })
        {
            await team.AsAsync(owner, s => s.GetRequiredService<SupplierTeam>().AddCollaboratorAsync(supplierId, member.Id));
        }

        return new NotificationScenario(app, team, owner, starter, collaborator, legal, executive, supplierId);
    }

    /// <summary>A complete draft started by <see cref="Starter"/>.</summary>
    public async Task DraftAsync()
    {
        var template = await Team.PublishedTemplateAsync();
        AssessmentId = await Team.AsAsync(Starter, s => s.GetRequiredService<StartAssessment>().ExecuteAsync(SupplierId, template));
        await AssessmentScenarios.AnswerEverythingAsync(App, AssessmentId, Starter.Id);
    }

    public Task SubmitAsync() => Team.AsAsync(Starter, s => s.GetRequiredService<SubmitAssessment>().ExecuteAsync(AssessmentId));

    public Task StartReviewAsync() => Team.AsAsync(Legal, s => s.GetRequiredService<ReviewAssessment>().StartReviewAsync(AssessmentId));

    public Task ForwardAsync() => Team.AsAsync(Legal, s => s.GetRequiredService<ReviewAssessment>().ForwardToDecisionAsync(AssessmentId, "Legal finds no blocking issue; proceed on the recorded terms."));

    public Task ReturnAsync(string reason) => Team.AsAsync(Legal, s => s.GetRequiredService<ReviewAssessment>().ReturnToDraftAsync(AssessmentId, reason));

    public Task DecideAsync() => Team.AsAsync(Executive, s => s.GetRequiredService<DecideAssessment>().ExecuteAsync(AssessmentId, DecisionOutcome.Approved, "Strong controls; approved."));

    /// <summary>Up to the step before the one a test looks at.</summary>
    public async Task AwaitingDecisionAsync()
    {
        await DraftAsync();
        await SubmitAsync();
        await StartReviewAsync();
        await ForwardAsync();
    }

    /// <summary>Who was notified with this title about <paramref name="link"/>, by user id (sorted).</summary>
    public static async Task<IReadOnlyList<string>> RecipientsAsync(AppFactory app, string link, string titleEnd)
    {
        await using var db = await app.CreateDbContextAsync();
        return (await db.Notifications.AsNoTracking().Where(n => n.Link == link).ToListAsync())
            .Where(n => n.Title.EndsWith(titleEnd, StringComparison.Ordinal))
            .Select(n => n.RecipientId).Order(StringComparer.Ordinal).ToList();
    }

    public Task<IReadOnlyList<string>> RecipientsAsync(string titleEnd) => RecipientsAsync(App, Link, titleEnd);

    /// <summary>Every active account with the role that has not muted the workflow: who a role-wide notification reaches.</summary>
    public static async Task<IReadOnlyList<string>> ActiveUnmutedInRoleAsync(AppFactory app, string role, NotificationCategory category)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        var users = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().GetUsersInRoleAsync(role);
        await using var db = await app.CreateDbContextAsync();
        var muted = await db.NotificationMutes.AsNoTracking().Where(m => m.Category == category).Select(m => m.UserId).ToListAsync();
        return users.Where(u => !u.IsLockedByAdministrator && !muted.Contains(u.Id)).Select(u => u.Id).Order(StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<string> Ids(params Person[] people) => people.Select(p => p.Id).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Changes the account as an administrator would, straight through Identity.</summary>
    public async Task ChangeAccountAsync(Person person, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(person.Id) ?? throw new InvalidOperationException($"No account {person.Id}.");
        Assert.True((await change(users, user)).Succeeded);
    }

    public Task MuteAsync(Person person, NotificationCategory category) =>
        Team.AsAsync(person, s => s.GetRequiredService<NotificationInbox>().SetMutedAsync(category, muted: true));

    /// <summary>Adds a notification for the person through the notifier, as a use case would, and returns its id.</summary>
    public static async Task<Guid> NotifyAsync(
        AppFactory app, Person recipient, string title, NotificationCategory category = NotificationCategory.Workflow, string link = "/assessments")
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await scope.ServiceProvider.GetRequiredService<Notifier>().AddAsync(
            db, NotificationAudience.Users([recipient.Id], AppRoles.All), new NotificationMessage(category, title, "Body", link), CancellationToken.None);
        await db.SaveChangesAsync();
        return await db.Notifications.Where(n => n.RecipientId == recipient.Id && n.Title == title).Select(n => n.Id).FirstOrDefaultAsync();
    }
}
