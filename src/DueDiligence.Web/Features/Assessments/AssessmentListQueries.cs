using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Assessments.Approvals;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
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

/// <summary>How the assessment list is sorted.</summary>
public enum AssessmentSort
{
    Started,
    Supplier,
    Status,
    Analyst,
    Submitted,
}

/// <summary>
/// One row of the assessment list. <see cref="Tier"/> and <see cref="ResidualRisk"/> are live (the score today, from the
/// supplier's stored position) while the assessment is in review or awaits its decision (<see cref="TierIsLive"/>); else
/// those of its latest snapshot (the decision, or the submission of a draft sent back).
/// </summary>
public sealed record AssessmentRow(
    Guid Id, Guid SupplierId, string SupplierName, AssessmentStatus Status, string AnalystName, string Template, DateTime CreatedAtUtc,
    DateTime? SubmittedAtUtc, RiskTier? Tier, double? ResidualRisk, DecisionOutcome? Outcome, bool TierIsLive = false, ApprovalProgress? Approvals = null);

/// <summary>One page of the assessment list, with the number of rows in the whole queue.</summary>
public sealed record AssessmentListPage(IReadOnlyList<AssessmentRow> Rows, int Total);

/// <summary>Where a page of the API's assessment list ended: the last assessment's start and id.</summary>
public sealed record AssessmentCursor(DateTime CreatedAtUtc, Guid Id);

/// <summary>
/// The assessment list and the API's, a page at a time: filtered, sorted and paged in the database (the supplier's name by a
/// join), then the rows of that page only, with their tier, outcome and approvals.
/// </summary>
public sealed class AssessmentListQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    private const int MaxPageSize = 500;

    /// <summary>One page of a queue, sorted and paged in the database; "My drafts" holds only the user's own.</summary>
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
        var listed = query.Join(db.Suppliers, a => a.SupplierId, s => s.Id, (a, s) => new { a.Id, a.Status, a.AnalystName, a.CreatedAtUtc, a.SubmittedAtUtc, s.LegalName });
        var ordered = (sort, descending) switch
        {
            (AssessmentSort.Supplier, false) => listed.OrderBy(a => a.LegalName),
            (AssessmentSort.Supplier, true) => listed.OrderByDescending(a => a.LegalName),
            (AssessmentSort.Status, false) => listed.OrderBy(a => a.Status),
            (AssessmentSort.Status, true) => listed.OrderByDescending(a => a.Status),
            (AssessmentSort.Analyst, false) => listed.OrderBy(a => a.AnalystName),
            (AssessmentSort.Analyst, true) => listed.OrderByDescending(a => a.AnalystName),
            (AssessmentSort.Submitted, false) => listed.OrderBy(a => a.SubmittedAtUtc),
            (AssessmentSort.Submitted, true) => listed.OrderByDescending(a => a.SubmittedAtUtc),
            (_, false) => listed.OrderBy(a => a.CreatedAtUtc),
            _ => listed.OrderByDescending(a => a.CreatedAtUtc),
        };

        // The id last, so that rows with equal keys keep their place from one page to the next.
        var ids = await ordered.ThenByDescending(a => a.CreatedAtUtc).ThenBy(a => a.Id)
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, MaxPageSize)).Select(a => a.Id).ToListAsync(cancellationToken);
        return new AssessmentListPage(await RowsAsync(db, ids, cancellationToken), total);
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

        var size = Math.Clamp(take, 1, MaxPageSize);
        var page = await query.OrderByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.Id).Take(size + 1)
            .Select(a => new AssessmentCursor(a.CreatedAtUtc, a.Id)).ToListAsync(cancellationToken);
        var rows = await RowsAsync(db, page.Take(size).Select(p => p.Id).ToList(), cancellationToken);
        return (rows, page.Count > size ? page[size - 1] : null);
    }

    /// <summary>The rows of these assessments, in this order, with the live tier while one is under review: one query.</summary>
    private static async Task<List<AssessmentRow>> RowsAsync(AppDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Join(db.Suppliers, a => a.SupplierId, s => s.Id, (a, s) => new
            {
                a.Id,
                a.SupplierId,
                SupplierName = s.LegalName,
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
                // By the supplier (the position's key), then the assessment: not a scan of every position per row.
                Live = db.SupplierPositions.Where(p => p.SupplierId == a.SupplierId && p.LiveAssessmentId == a.Id && p.LiveTier != null)
                    .Select(p => new { Tier = p.LiveTier!.Value, ResidualRisk = p.LiveResidualRisk!.Value }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => ids.IndexOf(r.Id)).Select(r =>
        {
            var live = r.Status is AssessmentStatus.Submitted or AssessmentStatus.LegalReview or AssessmentStatus.AwaitingDecision ? r.Live : null;
            return new AssessmentRow(
                r.Id, r.SupplierId, r.SupplierName, r.Status, r.AnalystName, $"{r.TemplateName} v{r.TemplateVersionNumber}", r.CreatedAtUtc, r.SubmittedAtUtc,
                live?.Tier ?? r.Latest?.Tier, live?.ResidualRisk ?? r.Latest?.ResidualRisk, r.Outcome, live is not null,
                r.Status == AssessmentStatus.AwaitingDecision && r.Required is { } required ? new ApprovalProgress(r.Approvals, required) : null);
        }).ToList();
    }
}
