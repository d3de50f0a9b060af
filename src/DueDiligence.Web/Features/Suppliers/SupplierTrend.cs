using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>One assessment of a supplier on its trend: the score it was decided on, else the score at its last submission.</summary>
public sealed record SupplierTrendPoint(
    Guid AssessmentId, DateTime TakenAtUtc, ScoreSnapshotKind Kind, RiskTier Tier, double ResidualRisk, double ControlScore, string PolicyId);

/// <summary>
/// R and C of a supplier across its assessments, oldest first: each assessment's decision snapshot, else its latest
/// submission snapshot; drafts never submitted have no stored score and are left out. Every role that reads the
/// register reads it.
/// </summary>
public sealed class SupplierTrend(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<IReadOnlyList<SupplierTrendPoint>> PointsAsync(Guid supplierId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SupplierQueries.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshots = await db.Assessments.AsNoTracking()
            .Where(a => a.SupplierId == supplierId)
            .SelectMany(a => a.ScoreSnapshots, (a, s) => new SupplierTrendPoint(a.Id, s.TakenAtUtc, s.Kind, s.Tier, s.ResidualRisk, s.ControlScore, s.PolicyId))
            .ToListAsync(cancellationToken);
        return snapshots
            .GroupBy(s => s.AssessmentId)
            .Select(g => g.OrderByDescending(s => s.Kind == ScoreSnapshotKind.Decision).ThenByDescending(s => s.TakenAtUtc).First())
            .OrderBy(s => s.TakenAtUtc)
            .ToList();
    }
}
