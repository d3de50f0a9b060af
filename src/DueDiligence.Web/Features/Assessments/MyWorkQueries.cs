using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>A finding or condition the user owns that still needs work, with its assessment and supplier.</summary>
public sealed record MyWorkItem(
    Guid AssessmentId, string SupplierName, FollowUpKind Kind, string Description, DateOnly? DueOn, string Status, bool Overdue, bool DueSoon);

/// <summary>One page of "My work", with how many items there are in all.</summary>
public sealed record MyWorkList(IReadOnlyList<MyWorkItem> Items, int Total);

/// <summary>
/// "My work": the open or in-progress findings and conditions assigned to the signed-in user, across every assessment,
/// overdue first, then by due date, then by supplier; filtered, sorted and paged in the database. Only the user's own:
/// there is no way to ask for someone else's.
/// </summary>
public sealed class MyWorkQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>Due within this many days counts as due soon.</summary>
    public const int DueSoonDays = 7;

    public async Task<MyWorkList> MineAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        var me = await currentUser.GetUserIdAsync() ?? throw new ForbiddenException("Sign in to see your work.");
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conditions = db.Assessments.AsNoTracking()
            .SelectMany(a => a.Conditions, (a, c) => new { a.Id, a.SupplierId, c.OwnerId, c.Status, c.Description, DueOn = (DateOnly?)c.DueOn })
            .Where(x => x.OwnerId == me && (x.Status == ConditionStatus.Open || x.Status == ConditionStatus.InProgress))
            .Select(x => new Listed { AssessmentId = x.Id, SupplierId = x.SupplierId, IsCondition = true, Description = x.Description, DueOn = x.DueOn, InProgress = x.Status == ConditionStatus.InProgress });
        var findings = db.Assessments.AsNoTracking()
            .SelectMany(a => a.Findings, (a, f) => new { a.Id, a.SupplierId, f.OwnerId, f.Status, f.Description, f.DueOn })
            .Where(x => x.OwnerId == me && (x.Status == FindingStatus.Open || x.Status == FindingStatus.InProgress))
            .Select(x => new Listed { AssessmentId = x.Id, SupplierId = x.SupplierId, IsCondition = false, Description = x.Description, DueOn = x.DueOn, InProgress = x.Status == FindingStatus.InProgress });
        var mine = conditions.Concat(findings);
        var total = await mine.CountAsync(cancellationToken);
        var page = await mine
            .Join(db.Suppliers, x => x.SupplierId, s => s.Id, (x, s) => new { Item = x, s.LegalName, s.LegalNameKey })
            .OrderByDescending(x => x.Item.DueOn != null && x.Item.DueOn < today).ThenBy(x => x.Item.DueOn == null).ThenBy(x => x.Item.DueOn)
            .ThenBy(x => x.LegalNameKey).ThenBy(x => x.Item.Description)
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 500))
            .ToListAsync(cancellationToken);
        var soon = today.AddDays(DueSoonDays);
        return new MyWorkList(page.Select(x =>
        {
            var overdue = x.Item.DueOn is { } due && due < today;
            return new MyWorkItem(
                x.Item.AssessmentId, x.LegalName, x.Item.IsCondition ? FollowUpKind.Condition : FollowUpKind.Finding, x.Item.Description, x.Item.DueOn,
                AuditWording.Words(x.Item.InProgress ? nameof(FindingStatus.InProgress) : nameof(FindingStatus.Open)), overdue, !overdue && x.Item.DueOn <= soon);
        }).ToList(), total);
    }

    /// <summary>A finding or condition as the database lists it, the same shape for both, so that one query pages them together.</summary>
    private sealed class Listed
    {
        public Guid AssessmentId { get; init; }

        public Guid SupplierId { get; init; }

        public bool IsCondition { get; init; }

        public string Description { get; init; } = "";

        public DateOnly? DueOn { get; init; }

        public bool InProgress { get; init; }
    }
}
