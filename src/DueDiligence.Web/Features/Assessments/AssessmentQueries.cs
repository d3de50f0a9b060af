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

/// <summary>The work queues of the assessment list.</summary>
public enum AssessmentQueue
{
    All,
    MyDrafts,
    Legal,
    Decision,
    Decided,
}

/// <summary>
/// One row of the assessment list. <see cref="Tier"/> and <see cref="ResidualRisk"/> are live (the score today, from the
/// supplier's stored position) while the assessment is in review or awaits its decision (<see cref="TierIsLive"/>); else
/// those of its latest snapshot (the decision, or the submission of a draft sent back).
/// </summary>
public sealed record AssessmentRow(
    Guid Id, Guid SupplierId, string SupplierName, AssessmentStatus Status, string AnalystName, string Template, DateTime CreatedAtUtc,
    DateTime? SubmittedAtUtc, RiskTier? Tier, double? ResidualRisk, DecisionOutcome? Outcome, bool TierIsLive = false, ApprovalProgress? Approvals = null);

/// <summary>An assessment as one user sees it: the record, its supplier, the score, what this user may do and the approval rule it is decided by.</summary>
public sealed record AssessmentView(
    Assessment Assessment, Supplier Supplier, ScoreResult Score, IReadOnlyList<CountryRisk> Countries, bool ScoreIsLive,
    IReadOnlyList<MissingItem> Missing, AssessmentPermissions Can, ApprovalContext? Approval = null);

/// <summary>The actions open to the current user on one assessment.</summary>
public sealed record AssessmentPermissions(bool EditAnswers, bool Review, bool Decide, bool OpenEvidence, bool ActAsApprover);

/// <summary>How the assessment list is sorted.</summary>
public enum AssessmentSort
{
    Started,
    Supplier,
    Status,
    Analyst,
    Submitted,
}

/// <summary>One page of the assessment list, with the number of rows in the whole queue.</summary>
public sealed record AssessmentListPage(IReadOnlyList<AssessmentRow> Rows, int Total);

/// <summary>Where a page of the API's assessment list ended: the last assessment's start and id.</summary>
public sealed record AssessmentCursor(DateTime CreatedAtUtc, Guid Id);

/// <summary>A published questionnaire version an assessment can start on.</summary>
public sealed record PublishedQuestionnaire(Guid Id, string Label);

/// <summary>Reads assessments for the people who take part in them.</summary>
public sealed class AssessmentQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AssessmentStore store, TimeProvider time)
{
    public async Task<IReadOnlyList<AssessmentRow>> ListAsync(AssessmentQueue queue, Guid? supplierId = null, CancellationToken cancellationToken = default) =>
        (await ListPageAsync(queue, supplierId, AssessmentSort.Started, descending: true, skip: 0, take: int.MaxValue, cancellationToken)).Rows;

    /// <summary>One page of a queue, sorted and paged in the database.</summary>
    public async Task<AssessmentListPage> ListPageAsync(
        AssessmentQueue queue, Guid? supplierId, AssessmentSort sort, bool descending, int skip, int take, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        var userId = await currentUser.GetUserIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Assessments.AsNoTracking();
        query = queue switch
        {
            AssessmentQueue.MyDrafts => query.Where(a => a.Status == AssessmentStatus.Draft && a.AnalystId == userId),
            AssessmentQueue.Legal => query.Where(a => a.Status == AssessmentStatus.Submitted || a.Status == AssessmentStatus.LegalReview),
            AssessmentQueue.Decision => query.Where(a => a.Status == AssessmentStatus.AwaitingDecision),
            AssessmentQueue.Decided => query.Where(a => a.Status == AssessmentStatus.Decided),
            _ => query,
        };
        if (supplierId is { } supplier)
        {
            query = query.Where(a => a.SupplierId == supplier);
        }

        var total = await query.CountAsync(cancellationToken);
        var ordered = (sort, descending) switch
        {
            (AssessmentSort.Supplier, false) => query.OrderBy(a => db.Suppliers.Where(s => s.Id == a.SupplierId).Select(s => s.LegalName).First()),
            (AssessmentSort.Supplier, true) => query.OrderByDescending(a => db.Suppliers.Where(s => s.Id == a.SupplierId).Select(s => s.LegalName).First()),
            (AssessmentSort.Status, false) => query.OrderBy(a => a.Status),
            (AssessmentSort.Status, true) => query.OrderByDescending(a => a.Status),
            (AssessmentSort.Analyst, false) => query.OrderBy(a => a.AnalystName),
            (AssessmentSort.Analyst, true) => query.OrderByDescending(a => a.AnalystName),
            (AssessmentSort.Submitted, false) => query.OrderBy(a => a.SubmittedAtUtc),
            (AssessmentSort.Submitted, true) => query.OrderByDescending(a => a.SubmittedAtUtc),
            (_, false) => query.OrderBy(a => a.CreatedAtUtc),
            _ => query.OrderByDescending(a => a.CreatedAtUtc),
        };
        var paged = ordered.ThenByDescending(a => a.CreatedAtUtc).Skip(skip);
        if (take != int.MaxValue)
        {
            paged = paged.Take(take);
        }

        return new AssessmentListPage(await RowsAsync(db, paged, cancellationToken), total);
    }

    /// <summary>
    /// One page of assessments for the API: filtered by supplier and status, newest first, after the last assessment of the
    /// previous page; the cursor of the next page, or null on the last.
    /// </summary>
    public async Task<(IReadOnlyList<AssessmentRow> Rows, AssessmentCursor? Next)> SearchAfterAsync(
        Guid? supplierId, AssessmentStatus? status, AssessmentCursor? after, int take, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Assessments.AsNoTracking();
        if (supplierId is { } supplier)
        {
            query = query.Where(a => a.SupplierId == supplier);
        }

        if (status is { } wanted)
        {
            query = query.Where(a => a.Status == wanted);
        }

        if (after is { } cursor)
        {
            // CompareTo: the database's own order of ids, the same as the ORDER BY below.
            query = query.Where(a => a.CreatedAtUtc < cursor.CreatedAtUtc || (a.CreatedAtUtc == cursor.CreatedAtUtc && a.Id.CompareTo(cursor.Id) < 0));
        }

        var size = Math.Clamp(take, 1, 500);
        var page = await query.OrderByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.Id).Take(size + 1)
            .Select(a => new AssessmentCursor(a.CreatedAtUtc, a.Id)).ToListAsync(cancellationToken);
        var ids = page.Take(size).Select(p => p.Id).ToList();
        var rows = await RowsAsync(db, db.Assessments.AsNoTracking().Where(a => ids.Contains(a.Id)), cancellationToken);
        return ([.. rows.OrderBy(r => ids.IndexOf(r.Id))], page.Count > size ? page[size - 1] : null);
    }

    /// <summary>The rows of the assessments the query gives, in its order, with the live tier while one is under review.</summary>
    private static async Task<List<AssessmentRow>> RowsAsync(AppDbContext db, IQueryable<Assessment> query, CancellationToken cancellationToken)
    {
        var rows = await query
            .Select(a => new
            {
                a.Id,
                a.SupplierId,
                a.Status,
                a.AnalystName,
                a.TemplateName,
                a.TemplateVersionNumber,
                a.CreatedAtUtc,
                a.SubmittedAtUtc,
                Outcome = a.Decision == null ? (DecisionOutcome?)null : a.Decision.Outcome,
                Approvals = a.SignOffs.Count(s => s.Outcome != DecisionOutcome.Rejected && !s.Superseded),
                Required = a.SignOffs.Where(s => s.Outcome != DecisionOutcome.Rejected && !s.Superseded).OrderByDescending(s => s.AtUtc)
                    .Select(s => (int?)s.RequiredApprovals).FirstOrDefault(),
                Latest = a.ScoreSnapshots.OrderByDescending(s => s.TakenAtUtc).Select(s => new { s.Tier, s.ResidualRisk }).FirstOrDefault(),
                Live = db.SupplierPositions.Where(p => p.LiveAssessmentId == a.Id && p.LiveTier != null)
                    .Select(p => new { Tier = p.LiveTier!.Value, ResidualRisk = p.LiveResidualRisk!.Value }).FirstOrDefault(),
                SupplierName = db.Suppliers.Where(s => s.Id == a.SupplierId).Select(s => s.LegalName).First(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var live = r.Status is AssessmentStatus.Submitted or AssessmentStatus.LegalReview or AssessmentStatus.AwaitingDecision ? r.Live : null;
            return new AssessmentRow(
                r.Id, r.SupplierId, r.SupplierName, r.Status, r.AnalystName, $"{r.TemplateName} v{r.TemplateVersionNumber}", r.CreatedAtUtc, r.SubmittedAtUtc,
                live?.Tier ?? r.Latest?.Tier, live?.ResidualRisk ?? r.Latest?.ResidualRisk, r.Outcome, live is not null,
                r.Status == AssessmentStatus.AwaitingDecision && r.Required is { } required ? new ApprovalProgress(r.Approvals, required) : null);
        }).ToList();
    }

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
