using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments.Threads;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// What legal reviewers (and, while a decision is awaited, executives) do to an assessment: take it into review,
/// verify evidence or mark it insufficient, record findings and contract conditions, waive knock-outs, forward it or return it to the analyst.
/// Each step returns the assessment as saved, so that the view shows the change without loading the page again; the
/// steps that change the score (verifying evidence or marking it insufficient, waiving a knock-out) return the new live
/// score with it, and move the supplier's position in the same transaction (as does a return to the analyst). The steps
/// that move it on notify the people who act next, in the same save.
/// </summary>
public sealed class ReviewAssessment(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AssessmentStore store, TimeProvider time,
    WorkflowNotifications notifications, SupplierPositionUpdater positions, AssignOwner owners, InternalThreads threads)
{
    /// <summary>Adds the notifications of a step to its context, before the save.</summary>
    private delegate Task Notify(AppDbContext db, Assessment assessment, Supplier supplier, Actor actor);

    private static readonly string[] Reviewers = [AppRoles.LegalReviewer];
    private static readonly string[] ReviewersAndApprovers = [AppRoles.LegalReviewer, AppRoles.Executive];

    public Task<ReviewedAssessment> StartReviewAsync(Guid id, CancellationToken ct = default) =>
        RunAsync(id, Reviewers, (a, actor, now) => a.StartLegalReview(actor, now), moves: null, ct,
            (db, a, supplier, actor) => notifications.TakenIntoReviewAsync(db, a, supplier, actor, ct));

    /// <summary>Verified evidence raises the evidence confidence of its question, so the score is returned afresh.</summary>
    public Task<ReviewedAssessment> VerifyEvidenceAsync(Guid id, Guid evidenceId, CancellationToken ct = default) =>
        RunAsync(id, Reviewers, (a, actor, now) => a.VerifyEvidence(evidenceId, actor, now), moves: "Evidence verified", ct);

    /// <summary>
    /// Evidence legal finds insufficient stops counting (SCORING.md §2, policy 2026.2), so the score is returned afresh. The
    /// reason opens (or continues) the internal conversation on the file's question, and the analyst is told.
    /// </summary>
    public Task<ReviewedAssessment> MarkEvidenceInsufficientAsync(Guid id, Guid evidenceId, string? reason, CancellationToken ct = default)
    {
        EvidenceFile? marked = null;
        return RunAsync(id, Reviewers, (a, actor, now) => marked = a.MarkEvidenceInsufficient(evidenceId, reason, actor, now), moves: "Evidence marked insufficient", ct,
            (db, a, _, actor) => threads.OpenOrAddAsync(db, a, marked!.QuestionCode, $"“{marked.OriginalFileName}” is insufficient: {marked.InsufficientReason}", actor, ct));
    }

    /// <summary>Adds a finding; the owner, when chosen, must be one of <see cref="FollowUpOwners"/> and is told.</summary>
    public Task<ReviewedAssessment> AddFindingAsync(Guid id, FindingDetails details, string? ownerId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        return AddItemAsync(id, ownerId, (a, actor, now) => new FollowUpItem(FollowUpKind.Finding, a.AddFinding(details, actor, now).Id), ct);
    }

    public Task<ReviewedAssessment> ResolveFindingAsync(Guid id, Guid findingId, CancellationToken ct = default) =>
        RunAsync(id, ReviewersAndApprovers, (a, actor, now) => a.ResolveFinding(findingId, actor, now), moves: null, ct);

    /// <summary>Adds a contract condition; the owner, when chosen, must be one of <see cref="FollowUpOwners"/> and is told.</summary>
    public Task<ReviewedAssessment> AddConditionAsync(Guid id, ConditionDetails details, string? ownerId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        return AddItemAsync(id, ownerId, (a, actor, now) => new FollowUpItem(FollowUpKind.Condition, a.AddCondition(details, actor, now).Id), ct);
    }

    public Task<ReviewedAssessment> MarkConditionMetAsync(Guid id, Guid conditionId, CancellationToken ct = default) =>
        RunAsync(id, ReviewersAndApprovers, (a, actor, now) => a.MarkConditionMet(conditionId, actor, now), moves: null, ct);

    /// <summary>A legal reviewer or the approver may waive a knock-out, with a rationale; the tier is then decided by R again.</summary>
    public Task<ReviewedAssessment> WaiveKnockOutAsync(Guid id, string questionCode, string rationale, CancellationToken ct = default) =>
        RunAsync(id, ReviewersAndApprovers, (a, actor, now) => a.WaiveKnockOut(questionCode, rationale, actor, now), moves: $"Knock-out {questionCode} waived", ct);

    /// <summary>Legal forwards the assessment to the executives with its overall opinion (required).</summary>
    public Task<ReviewedAssessment> ForwardToDecisionAsync(Guid id, string opinion, CancellationToken ct = default) =>
        RunAsync(id, Reviewers, (a, actor, now) => a.ForwardToDecision(opinion, actor, now), moves: null, ct,
            (db, a, supplier, actor) => notifications.ForwardedAsync(db, a, supplier, actor, ct));

    /// <summary>Legal or the approver sends the assessment back to the analyst, saying why.</summary>
    public Task<ReviewedAssessment> ReturnToDraftAsync(Guid id, string reason, CancellationToken ct = default) =>
        RunAsync(id, ReviewersAndApprovers, (a, actor, now) => a.ReturnToDraft(reason, actor, now), moves: "Assessment returned to the analyst", ct,
            (db, a, supplier, actor) => notifications.ReturnedAsync(db, a, supplier, actor, reason, ct));

    /// <summary>Adds a condition or finding, unassigned or owned by the chosen user, who is told in the same save.</summary>
    private async Task<ReviewedAssessment> AddItemAsync(Guid id, string? ownerId, Func<Assessment, Actor, DateTime, FollowUpItem> add, CancellationToken ct)
    {
        await currentUser.RequireAnyRoleAsync(ReviewersAndApprovers);
        var owner = await owners.ChosenAsync(id, ownerId, ct);
        FollowUpItem? added = null;
        var description = "";
        return await RunAsync(id, ReviewersAndApprovers, (a, actor, now) =>
        {
            added = add(a, actor, now);
            if (owner is not null)
            {
                description = AssignOwner.Apply(a, added, owner);
            }
        }, moves: null, ct, (db, a, supplier, _) => owner is null ? Task.CompletedTask
            : notifications.AssignedAsync(db, a, supplier, owner.Id, added!.Kind, description, ct));
    }

    /// <param name="moves">What the step changes in the supplier's position, or null when it changes nothing there.</param>
    private async Task<ReviewedAssessment> RunAsync(
        Guid id, string[] roles, Action<Assessment, Actor, DateTime> change, string? moves, CancellationToken cancellationToken, Notify? notify = null)
    {
        await currentUser.RequireAnyRoleAsync(roles);
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await AssessmentStore.LoadAsync(db, id, cancellationToken);
        var principal = await currentUser.GetPrincipalAsync();
        if (!principal.IsInRole(AppRoles.LegalReviewer))
        {
            // Executives act on an assessment only while it awaits their decision.
            AssessmentAccess.Require(assessment.Status == AssessmentStatus.AwaitingDecision, "Executives act on an assessment while it awaits their decision.");
        }

        change(assessment, actor, time.UtcNow());
        if (notify is not null)
        {
            await notify(db, assessment, await AssessmentStore.SupplierOfAsync(db, assessment, cancellationToken), actor);
        }

        if (moves is null)
        {
            await AssessmentStore.SaveAsync(db, cancellationToken);
        }
        else
        {
            await positions.SaveAsync(
                db, () => AssessmentStore.SaveAsync(db, cancellationToken), new PositionTrigger(moves), AffectedSuppliers.Only(assessment.SupplierId), cancellationToken);
        }

        if (moves is null || assessment.Status == AssessmentStatus.Draft)
        {
            return new ReviewedAssessment(assessment, null);
        }

        var supplier = await AssessmentStore.SupplierOfAsync(db, assessment, cancellationToken);
        return new ReviewedAssessment(assessment, await store.ScoreAsync(assessment, supplier, cancellationToken));
    }
}

/// <summary>An assessment as a review step saved it, with its new live score when the step changed the score.</summary>
public sealed record ReviewedAssessment(Assessment Assessment, AssessmentScore? Score);
