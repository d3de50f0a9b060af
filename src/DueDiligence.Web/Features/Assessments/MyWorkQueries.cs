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

/// <summary>
/// "My work": the open or in-progress findings and conditions assigned to the signed-in user, across every assessment,
/// overdue first, then by due date. Only the user's own: there is no way to ask for someone else's.
/// </summary>
public sealed class MyWorkQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>Due within this many days counts as due soon.</summary>
    public const int DueSoonDays = 7;

    public async Task<IReadOnlyList<MyWorkItem>> MineAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        var me = await currentUser.GetUserIdAsync() ?? throw new ForbiddenException("Sign in to see your work.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Findings).Include(a => a.Conditions).AsSplitQuery()
            .Where(a => a.Findings.Any(f => f.OwnerId == me) || a.Conditions.Any(c => c.OwnerId == me))
            .ToListAsync(cancellationToken);
        var supplierIds = assessments.Select(a => a.SupplierId).Distinct().ToList();
        var names = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.LegalName, cancellationToken);
        var today = time.Today();
        var soon = today.AddDays(DueSoonDays);
        return assessments
            .SelectMany(a => a.Conditions.Where(c => c.OwnerId == me && c.IsOutstanding)
                .Select(c => new MyWorkItem(a.Id, names[a.SupplierId], FollowUpKind.Condition, c.Description, c.DueOn, AuditWording.Words(c.Status.ToString()),
                    c.IsOverdueOn(today), !c.IsOverdueOn(today) && c.DueOn <= soon))
                .Concat(a.Findings.Where(f => f.OwnerId == me && f.IsOutstanding)
                    .Select(f => new MyWorkItem(a.Id, names[a.SupplierId], FollowUpKind.Finding, f.Description, f.DueOn, AuditWording.Words(f.Status.ToString()),
                        f.IsOverdueOn(today), !f.IsOverdueOn(today) && f.DueOn <= soon))))
            .OrderByDescending(i => i.Overdue).ThenBy(i => i.DueOn ?? DateOnly.MaxValue).ThenBy(i => i.SupplierName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
