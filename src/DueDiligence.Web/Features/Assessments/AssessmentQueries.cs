using System.Security.Claims;
using DueDiligence.Domain.Approvals;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments.Approvals;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Risk;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>An assessment as one user sees it: the record, its supplier, the score, what this user may do and the approval rule it is decided by.</summary>
public sealed record AssessmentView(
    Assessment Assessment, Supplier Supplier, ScoreResult Score, IReadOnlyList<CountryRisk> Countries, bool ScoreIsLive,
    IReadOnlyList<MissingItem> Missing, AssessmentPermissions Can, ApprovalContext? Approval = null);

/// <summary>The actions open to the current user on one assessment.</summary>
public sealed record AssessmentPermissions(bool EditAnswers, bool Review, bool Decide, bool OpenEvidence, bool ActAsApprover);

/// <summary>A published questionnaire version an assessment can start on.</summary>
public sealed record PublishedQuestionnaire(Guid Id, string Label);

/// <summary>Reads assessments for the people who take part in them.</summary>
public sealed class AssessmentQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AssessmentStore store, TimeProvider time)
{
    public async Task<AssessmentView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await AssessmentStore.ReadAsync(db, id, cancellationToken);
        if (assessment is null)
        {
            return null;
        }

        var supplier = await AssessmentStore.SupplierOfAsync(db, assessment, cancellationToken);
        var live = await store.ScoreAsync(assessment, supplier, cancellationToken);

        // A decided assessment shows the score it was decided on; the live one would drift as evidence expires.
        var decided = assessment.ScoreSnapshots.Where(s => s.Kind == ScoreSnapshotKind.Decision).MaxBy(s => s.TakenAtUtc);
        var score = decided?.ReadResult() ?? live.Result;
        var missing = assessment.Status == AssessmentStatus.Draft ? assessment.MissingForSubmission(time.Today()) : [];
        var approval = assessment.Status == AssessmentStatus.AwaitingDecision
            ? await ApprovalContextAsync(db, user, live.Result.Tier, cancellationToken)
            : null;
        return new AssessmentView(assessment, supplier, score, live.Countries, decided is null, missing, PermissionsOf(user, assessment, supplier), approval);
    }

    /// <summary>
    /// The view again after a change that the screen applied to the assessment it holds (an answer or evidence saved):
    /// the live score and the missing list computed in memory, with the countries already read. No database work.
    /// </summary>
    public AssessmentView Rescore(AssessmentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var today = time.Today();
        var input = view.Assessment.ToScoringInput(view.Supplier.MaxSensitivity, view.Countries.Select(c => c.Risk).ToList(), today);
        var missing = view.Assessment.Status == AssessmentStatus.Draft ? view.Assessment.MissingForSubmission(today) : [];
        return view with { Score = ScoringEngine.Score(input), Missing = missing };
    }

    public async Task<IReadOnlyList<PublishedQuestionnaire>> PublishedQuestionnairesAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var published = await db.TemplateVersions.AsNoTracking()
            .Where(t => t.Status == Domain.Questionnaires.TemplateStatus.Published)
            .OrderBy(t => t.Name).ThenByDescending(t => t.VersionNumber)
            .Select(t => new { t.Id, t.Name, t.VersionNumber })
            .ToListAsync(cancellationToken);
        return published.Select(t => new PublishedQuestionnaire(t.Id, $"{t.Name} — version {t.VersionNumber}")).ToList();
    }

    public async Task<string?> SupplierNameAsync(Guid supplierId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Suppliers.Where(s => s.Id == supplierId).Select(s => s.LegalName).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The rule of the live tier, and the executives the user may sign for today.</summary>
    private async Task<ApprovalContext> ApprovalContextAsync(AppDbContext db, ClaimsPrincipal user, RiskTier tier, CancellationToken cancellationToken)
    {
        var rule = await ApprovalRules.ForTierAsync(db, tier, cancellationToken);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var actingFor = user.IsInRole(AppRoles.Executive) && userId is not null
            ? await Delegations.ActingForAsync(db, userId, time.Today(), cancellationToken)
            : [];
        return new ApprovalContext(rule, actingFor);
    }

    private static AssessmentPermissions PermissionsOf(ClaimsPrincipal user, Assessment assessment, Supplier supplier) => new(
        AssessmentAccess.CanEditAnswers(user, assessment, supplier),
        AssessmentAccess.CanReview(user, assessment),
        AssessmentAccess.CanDecide(user, assessment),
        AssessmentAccess.CanOpenEvidence(user, assessment, supplier),
        AssessmentAccess.CanDecide(user, assessment));
}
