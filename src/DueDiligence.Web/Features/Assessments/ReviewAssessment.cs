using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// What legal reviewers (and, while a decision is awaited, executives) do to an assessment: take it into review,
/// verify evidence, record findings and contract conditions, waive knock-outs, forward it or return it to the analyst.
/// </summary>
public sealed class ReviewAssessment(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    private static readonly string[] Reviewers = [AppRoles.LegalReviewer];
    private static readonly string[] ReviewersAndApprovers = [AppRoles.LegalReviewer, AppRoles.Executive];

    public Task StartReviewAsync(Guid id, CancellationToken ct = default) =>
        RunAsync(id, Reviewers, (a, actor, now) => a.StartLegalReview(actor, now), ct);

    public Task VerifyEvidenceAsync(Guid id, Guid evidenceId, CancellationToken ct = default) =>
        RunAsync(id, Reviewers, (a, actor, now) => a.VerifyEvidence(evidenceId, actor, now), ct);

    public Task AddFindingAsync(Guid id, FindingDetails details, CancellationToken ct = default) =>
        RunAsync(id, ReviewersAndApprovers, (a, actor, now) => a.AddFinding(details, actor, now), ct);

    public Task ResolveFindingAsync(Guid id, Guid findingId, CancellationToken ct = default) =>
        RunAsync(id, ReviewersAndApprovers, (a, actor, now) => a.ResolveFinding(findingId, actor, now), ct);

    public Task AddConditionAsync(Guid id, ConditionDetails details, CancellationToken ct = default) =>
        RunAsync(id, ReviewersAndApprovers, (a, actor, now) => a.AddCondition(details, actor, now), ct);

    public Task MarkConditionMetAsync(Guid id, Guid conditionId, CancellationToken ct = default) =>
        RunAsync(id, ReviewersAndApprovers, (a, actor, now) => a.MarkConditionMet(conditionId, actor, now), ct);

    /// <summary>SCORING.md §4: a legal reviewer or the approver may waive a knock-out, with a rationale.</summary>
    public Task WaiveKnockOutAsync(Guid id, string questionCode, string rationale, CancellationToken ct = default) =>
        RunAsync(id, ReviewersAndApprovers, (a, actor, now) => a.WaiveKnockOut(questionCode, rationale, actor, now), ct);

    public Task ForwardToDecisionAsync(Guid id, CancellationToken ct = default) =>
        RunAsync(id, Reviewers, (a, actor, now) => a.ForwardToDecision(actor, now), ct);

    /// <summary>Legal or the approver sends the assessment back to the analyst, saying why.</summary>
    public Task ReturnToDraftAsync(Guid id, string reason, CancellationToken ct = default) =>
        RunAsync(id, ReviewersAndApprovers, (a, actor, now) => a.ReturnToDraft(reason, actor, now), ct);

    private async Task RunAsync(Guid id, string[] roles, Action<Assessment, Actor, DateTime> change, CancellationToken cancellationToken)
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
        await AssessmentStore.SaveAsync(db, cancellationToken);
    }
}
