using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Notifications.Webhooks;
using DueDiligence.Web.Infrastructure.Persistence;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// Who is told when an assessment moves on, and what they read. Added to the context of the step, saved with it; only
/// users who may read assessments (analysts, legal reviewers, executives) are told. A submission and a decision are
/// also webhook events, written with the step.
/// </summary>
public sealed class WorkflowNotifications(Notifier notifier, WebhookEvents webhooks)
{
    public async Task SubmittedAsync(AppDbContext db, Assessment assessment, Supplier supplier, CancellationToken cancellationToken)
    {
        await ToRoleAsync(db, AppRoles.LegalReviewer, assessment, $"{supplier.LegalName} is ready for legal review",
            $"{assessment.AnalystName} submitted the assessment of {supplier.LegalName}.", cancellationToken);
        await webhooks.RaiseAsync(db, WebhookEvent.AssessmentSubmitted(supplier.Id, assessment.Id), cancellationToken);
    }

    public Task TakenIntoReviewAsync(AppDbContext db, Assessment assessment, Supplier supplier, Actor reviewer, CancellationToken cancellationToken) =>
        ToAnalystAsync(db, assessment, supplier, [], $"{supplier.LegalName} is in legal review",
            $"{reviewer.Name} took the assessment of {supplier.LegalName} into legal review.", cancellationToken);

    public Task ForwardedAsync(AppDbContext db, Assessment assessment, Supplier supplier, Actor reviewer, CancellationToken cancellationToken) =>
        ToRoleAsync(db, AppRoles.Executive, assessment, $"{supplier.LegalName} awaits your decision",
            $"{reviewer.Name} forwarded the assessment of {supplier.LegalName} for a decision.", cancellationToken);

    public Task ReturnedAsync(AppDbContext db, Assessment assessment, Supplier supplier, Actor reviewer, string reason, CancellationToken cancellationToken) =>
        ToAnalystAsync(db, assessment, supplier, [], $"{supplier.LegalName} was returned to draft",
            $"{reviewer.Name} returned the assessment of {supplier.LegalName}: “{reason}”", cancellationToken);

    /// <summary>The analyst and the whole supplier team: the decision changes what they may do with the supplier.</summary>
    public async Task DecidedAsync(AppDbContext db, Assessment assessment, Supplier supplier, AssessmentDecision decision, CancellationToken cancellationToken)
    {
        await ToAnalystAsync(db, assessment, supplier, supplier.Collaborators.Select(c => c.UserId), $"{supplier.LegalName}: {AssessmentLabels.Of(decision.Outcome)}",
            $"{decision.DecidedByName} decided the assessment of {supplier.LegalName}: {AssessmentLabels.Of(decision.Outcome)}.", cancellationToken);
        await webhooks.RaiseAsync(db, WebhookEvent.AssessmentDecided(supplier.Id, assessment.Id, decision.Outcome.ToString(), decision.Tier.ToString()), cancellationToken);
    }

    /// <summary>The new owner of a finding or condition (nobody when they assigned it to themselves).</summary>
    public Task AssignedAsync(AppDbContext db, Assessment assessment, Supplier supplier, string ownerId, FollowUpKind kind, string description, CancellationToken cancellationToken) =>
        notifier.AddAsync(db, NotificationAudience.Users([ownerId], AssessmentAccess.Participants),
            new NotificationMessage(NotificationCategory.Assignments,
                $"A {(kind == FollowUpKind.Condition ? "condition" : "finding")} on {supplier.LegalName} is yours",
                $"You are now the owner of “{description}”.", $"/assessments/{assessment.Id}"),
            cancellationToken);

    private Task ToRoleAsync(AppDbContext db, string role, Assessment assessment, string title, string body, CancellationToken cancellationToken) =>
        notifier.AddAsync(db, NotificationAudience.Role(role, AssessmentAccess.Participants), Message(assessment, title, body), cancellationToken);

    /// <summary>The analyst who started the assessment and the supplier's owner (often the same person), and <paramref name="others"/>.</summary>
    private Task ToAnalystAsync(AppDbContext db, Assessment assessment, Supplier supplier, IEnumerable<string> others, string title, string body, CancellationToken cancellationToken) =>
        notifier.AddAsync(db, NotificationAudience.Users([assessment.AnalystId, supplier.OwnerId, .. others], AssessmentAccess.Participants),
            Message(assessment, title, body), cancellationToken);

    private static NotificationMessage Message(Assessment assessment, string title, string body) =>
        new(NotificationCategory.Workflow, title, body, $"/assessments/{assessment.Id}");
}
