using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>Which findings or conditions to list; empty fields do not filter.</summary>
public sealed record FollowUpFilter
{
    public Guid? AssessmentId { get; init; }

    public Guid? SupplierId { get; init; }

    /// <summary>Only those the signed-in user owns (as "My work" shows them).</summary>
    public bool Mine { get; init; }

    /// <summary>Only those still open or in progress and due before today.</summary>
    public bool Overdue { get; init; }
}

/// <summary>One finding or contract condition in a list, with its assessment and supplier.</summary>
public sealed record FollowUpRow(
    FollowUpKind Kind, Guid Id, Guid AssessmentId, Guid SupplierId, string SupplierName, string Description, string Status,
    FindingSeverity? Severity, string Owner, string? OwnerId, DateOnly? DueOn, bool Overdue);

/// <summary>
/// Findings and contract conditions across assessments, a page at a time in the order of their ids, for whoever may read
/// assessments (the roles of the assessment pages; "owner = me" is the list of "My work"). Changing one goes through
/// <see cref="FollowUpAssessment"/>.
/// </summary>
public sealed class FollowUpListQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<(IReadOnlyList<FollowUpRow> Rows, Guid? Next)> FindingsAsync(
        FollowUpFilter filter, FindingStatus? status, Guid? after, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var me = await ReaderAsync(filter);
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Assessments.AsNoTracking().SelectMany(a => a.Findings, (a, f) => new { a.SupplierId, AssessmentId = a.Id, f });
        query = filter.AssessmentId is { } assessment ? query.Where(x => x.AssessmentId == assessment) : query;
        query = filter.SupplierId is { } supplier ? query.Where(x => x.SupplierId == supplier) : query;
        query = status is { } wanted ? query.Where(x => x.f.Status == wanted) : query;
        query = me is not null ? query.Where(x => x.f.OwnerId == me) : query;
        query = filter.Overdue
            ? query.Where(x => (x.f.Status == FindingStatus.Open || x.f.Status == FindingStatus.InProgress) && x.f.DueOn != null && x.f.DueOn < today)
            : query;
        query = after is { } cursor ? query.Where(x => x.f.Id.CompareTo(cursor) > 0) : query;
        var page = await query.Join(db.Suppliers, x => x.SupplierId, s => s.Id, (x, s) => new { x.SupplierId, x.AssessmentId, x.f, SupplierName = s.LegalName })
            .OrderBy(x => x.f.Id).Take(Size(take) + 1)
            .Select(x => new FollowUpRow(
                FollowUpKind.Finding, x.f.Id, x.AssessmentId, x.SupplierId, x.SupplierName,
                x.f.Description, x.f.Status.ToString(), x.f.Severity, x.f.Owner, x.f.OwnerId, x.f.DueOn,
                (x.f.Status == FindingStatus.Open || x.f.Status == FindingStatus.InProgress) && x.f.DueOn != null && x.f.DueOn < today))
            .ToListAsync(cancellationToken);
        return Paged(page, take);
    }

    public async Task<(IReadOnlyList<FollowUpRow> Rows, Guid? Next)> ConditionsAsync(
        FollowUpFilter filter, ConditionStatus? status, Guid? after, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var me = await ReaderAsync(filter);
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Assessments.AsNoTracking().SelectMany(a => a.Conditions, (a, c) => new { a.SupplierId, AssessmentId = a.Id, c });
        query = filter.AssessmentId is { } assessment ? query.Where(x => x.AssessmentId == assessment) : query;
        query = filter.SupplierId is { } supplier ? query.Where(x => x.SupplierId == supplier) : query;
        query = status is { } wanted ? query.Where(x => x.c.Status == wanted) : query;
        query = me is not null ? query.Where(x => x.c.OwnerId == me) : query;
        query = filter.Overdue
            ? query.Where(x => (x.c.Status == ConditionStatus.Open || x.c.Status == ConditionStatus.InProgress) && x.c.DueOn < today)
            : query;
        query = after is { } cursor ? query.Where(x => x.c.Id.CompareTo(cursor) > 0) : query;
        var page = await query.Join(db.Suppliers, x => x.SupplierId, s => s.Id, (x, s) => new { x.SupplierId, x.AssessmentId, x.c, SupplierName = s.LegalName })
            .OrderBy(x => x.c.Id).Take(Size(take) + 1)
            .Select(x => new FollowUpRow(
                FollowUpKind.Condition, x.c.Id, x.AssessmentId, x.SupplierId, x.SupplierName,
                x.c.Description, x.c.Status.ToString(), null, x.c.Owner, x.c.OwnerId, x.c.DueOn,
                (x.c.Status == ConditionStatus.Open || x.c.Status == ConditionStatus.InProgress) && x.c.DueOn < today))
            .ToListAsync(cancellationToken);
        return Paged(page, take);
    }

    /// <summary>The assessment that holds the finding or condition, or null when there is none with this id.</summary>
    public async Task<Guid?> AssessmentOfAsync(FollowUpItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var holders = item.Kind == FollowUpKind.Finding
            ? db.Assessments.Where(a => a.Findings.Any(f => f.Id == item.Id))
            : db.Assessments.Where(a => a.Conditions.Any(c => c.Id == item.Id));
        return await holders.Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Checks the role; the user's id when only their own are wanted.</summary>
    private async Task<string?> ReaderAsync(FollowUpFilter filter)
    {
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        return filter.Mine ? await currentUser.GetUserIdAsync() ?? throw new ForbiddenException("Sign in to see your work.") : null;
    }

    private static int Size(int take) => Math.Clamp(take, 1, 500);

    private static (IReadOnlyList<FollowUpRow> Rows, Guid? Next) Paged(List<FollowUpRow> page, int take)
    {
        var size = Size(take);
        return page.Count > size ? (page[..size], page[size - 1].Id) : (page, null);
    }
}
