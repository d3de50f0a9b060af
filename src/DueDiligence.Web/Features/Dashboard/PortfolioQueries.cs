using System.Security.Claims;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Risk;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Dashboard;

/// <summary>
/// The portfolio dashboard: every role reads the supplier figures; the work queues go to the roles that take part in
/// assessments. A few set-based queries, grouped in the database over the suppliers and their stored positions
/// (<see cref="Domain.Monitoring.SupplierPosition"/>), whatever the number of suppliers.
/// </summary>
public sealed class PortfolioQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, ChangedSinceDecisionQueries changedSinceDecision, TimeProvider time)
{
    public static readonly string[] Readers = [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive, AppRoles.Admin];

    private const int EarliestReassessmentsShown = 8;

    private static readonly RiskTier?[] TierOrder = [RiskTier.Critical, RiskTier.High, RiskTier.Medium, RiskTier.Low, null];

    public async Task<PortfolioOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Readers);
        var user = await currentUser.GetPrincipalAsync();
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var suppliers = db.Suppliers.AsNoTracking();
        var cells = await suppliers.GroupBy(s => new { s.LatestTier, s.Status })
            .Select(g => new { g.Key.LatestTier, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var horizon = ReassessmentWindow.DueSoonHorizon(today);
        var due = (await AwaitingReassessment(suppliers).GroupBy(s => 1)
            .Select(g => new { Overdue = g.Count(s => s.ReassessmentDueOn < today), DueSoon = g.Count(s => s.ReassessmentDueOn >= today && s.ReassessmentDueOn <= horizon) })
            .ToListAsync(cancellationToken)).SingleOrDefault(); // one group, or none when no supplier awaits a reassessment
        var reassessments = new ReassessmentsDue(due?.Overdue ?? 0, due?.DueSoon ?? 0, await EarliestReassessmentsAsync(db, today, cancellationToken));
        return new PortfolioOverview(
            today,
            cells.Sum(c => c.Count),
            TierOrder.Select(tier => new TierCount(tier, cells.Where(c => c.LatestTier == tier).Sum(c => c.Count))).ToList(),
            Enum.GetValues<SupplierStatus>().Select(status => new StatusCount(status, cells.Where(c => c.Status == status).Sum(c => c.Count))).ToList(),
            await HeatMapAsync(db, cancellationToken),
            reassessments,
            await QueuesAsync(db, user, cancellationToken),
            await changedSinceDecision.CountAsync(cancellationToken));
    }

    /// <summary>The assessment queues as the current user sees them, for the home page of the roles that work them.</summary>
    public async Task<IReadOnlyList<WorkQueue>> WorkQueuesAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Readers);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await QueuesAsync(db, user, cancellationToken);
    }

    private static IQueryable<Supplier> AwaitingReassessment(IQueryable<Supplier> suppliers)
    {
        var awaiting = ReassessmentWindow.AwaitingStatuses;
        return suppliers.Where(s => s.ReassessmentDueOn != null && awaiting.Contains(s.Status));
    }

    /// <summary>The stored positions grouped by worst jurisdiction and band of C, in the database.</summary>
    private static async Task<HeatMap> HeatMapAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var cells = await db.SupplierPositions.AsNoTracking()
            .GroupBy(p => new { p.WorstJurisdictionLevel, p.ControlBand })
            .Select(g => new { g.Key.WorstJurisdictionLevel, g.Key.ControlBand, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new HeatMap(cells.Select(c => (
            c.WorstJurisdictionLevel is { } level ? WorstJurisdiction.LevelOf(level) : WorstJurisdictionLevel.Unknown,
            c.ControlBand is { } lower ? ControlScoreBand.All.Single(b => b.Lower == lower) : null,
            c.Count)));
    }

    private static async Task<IReadOnlyList<ReassessmentItem>> EarliestReassessmentsAsync(AppDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var horizon = ReassessmentWindow.DueSoonHorizon(today);
        var awaiting = ReassessmentWindow.AwaitingStatuses;
        return await db.Suppliers.AsNoTracking()
            .Where(s => awaiting.Contains(s.Status))
            .Where(s => s.ReassessmentDueOn != null && s.ReassessmentDueOn <= horizon)
            .OrderBy(s => s.ReassessmentDueOn).ThenBy(s => s.LegalNameKey)
            .Take(EarliestReassessmentsShown)
            .Select(s => new ReassessmentItem(s.Id, s.LegalName, s.LatestTier, s.ReassessmentDueOn!.Value))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The assessment queues, for the roles that see assessments (administrators do not): drafts, legal review, decision.</summary>
    private static async Task<IReadOnlyList<WorkQueue>> QueuesAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var isAnalyst = user.IsInRole(AppRoles.Analyst);
        var isLegal = user.IsInRole(AppRoles.LegalReviewer);
        var isExecutive = user.IsInRole(AppRoles.Executive);
        if (!isAnalyst && !isLegal && !isExecutive)
        {
            return [];
        }

        var byStatus = await db.Assessments.AsNoTracking()
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var queues = new List<WorkQueue>();
        if (isAnalyst)
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            var myDrafts = await db.Assessments.CountAsync(a => a.Status == AssessmentStatus.Draft && a.AnalystId == userId, cancellationToken);
            queues.Add(new WorkQueue("MyDrafts", "My drafts", "Assessments you are answering; submit them to legal review.", myDrafts, IsYours: true));
        }

        queues.Add(new WorkQueue(
            "Legal", "Legal review", "Submitted or in review: jurisdictions, evidence, findings and contract conditions.",
            byStatus.GetValueOrDefault(AssessmentStatus.Submitted) + byStatus.GetValueOrDefault(AssessmentStatus.LegalReview), isLegal));
        queues.Add(new WorkQueue(
            "Decision", "Awaiting decision", "Forwarded by legal: approve, approve with conditions or reject.",
            byStatus.GetValueOrDefault(AssessmentStatus.AwaitingDecision), isExecutive));
        return queues;
    }
}
