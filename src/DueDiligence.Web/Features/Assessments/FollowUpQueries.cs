using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>A contract condition or finding of a decided assessment that still needs work (open or in progress).</summary>
public sealed record OutstandingFollowUp(
    Guid AssessmentId, FollowUpKind Kind, string Description, string Owner, DateOnly? DueOn, bool InProgress, bool Overdue);

/// <summary>What is still to be followed up after the decisions on a supplier.</summary>
public sealed class FollowUpQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>The outstanding conditions and findings of the supplier's decided assessments, overdue ones first, then by due date.</summary>
    public async Task<IReadOnlyList<OutstandingFollowUp>> OutstandingForSupplierAsync(Guid supplierId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var decided = await db.Assessments.AsNoTracking().Include(a => a.Conditions).Include(a => a.Findings).AsSplitQuery()
            .Where(a => a.SupplierId == supplierId && a.Status == AssessmentStatus.Decided)
            .ToListAsync(cancellationToken);
        var today = time.Today();
        return decided
            .SelectMany(a => a.Conditions.Where(c => c.IsOutstanding)
                .Select(c => new OutstandingFollowUp(a.Id, FollowUpKind.Condition, c.Description, c.OwnerLabel, c.DueOn, c.Status == ConditionStatus.InProgress, c.IsOverdueOn(today)))
                .Concat(a.Findings.Where(f => f.IsOutstanding)
                    .Select(f => new OutstandingFollowUp(a.Id, FollowUpKind.Finding, f.Description, f.OwnerLabel, f.DueOn, f.Status == FindingStatus.InProgress, f.IsOverdueOn(today)))))
            .OrderByDescending(i => i.Overdue).ThenBy(i => i.DueOn ?? DateOnly.MaxValue)
            .ToList();
    }
}
