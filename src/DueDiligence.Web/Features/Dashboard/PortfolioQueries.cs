using System.Security.Claims;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Risk;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Dashboard;

/// <summary>
/// The portfolio dashboard: every role reads the supplier figures; the work queues go to the roles that take part in
/// assessments. A few set-based queries, whatever the number of suppliers.
/// </summary>
public sealed class PortfolioQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, JurisdictionRiskLookup jurisdictions, TimeProvider time)
{
    public static readonly string[] Readers = [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive, AppRoles.Admin];

    private const int EarliestReassessmentsShown = 8;

    private static readonly RiskTier?[] TierOrder = [RiskTier.Critical, RiskTier.High, RiskTier.Medium, RiskTier.Low, null];

    public async Task<PortfolioOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Readers);
        var user = await currentUser.GetPrincipalAsync();
        var today = time.Today();
        var risks = await jurisdictions.AllAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var positions = await PositionsAsync(db, risks, cancellationToken);
        var reassessments = new ReassessmentsDue(
            positions.Count(p => p.IsOverdue(today)),
            positions.Count(p => p.IsDueSoon(today)),
            await EarliestReassessmentsAsync(db, today, cancellationToken));
        return new PortfolioOverview(
            today,
            positions.Count,
            TierOrder.Select(tier => new TierCount(tier, positions.Count(p => p.Tier == tier))).ToList(),
            Enum.GetValues<SupplierStatus>().Select(status => new StatusCount(status, positions.Count(p => p.Status == status))).ToList(),
            new HeatMap(positions.Select(p => (p.Jurisdiction, ControlScoreBand.Of(p.ControlScore)))),
            reassessments,
            await QueuesAsync(db, user, cancellationToken));
    }

    /// <summary>The assessment queues as the current user sees them, for the home page of the roles that work them.</summary>
    public async Task<IReadOnlyList<WorkQueue>> WorkQueuesAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Readers);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await QueuesAsync(db, user, cancellationToken);
    }

    /// <summary>
    /// A few set reads (suppliers with their sites and subcontractors, the score snapshots) joined in memory: no query per
    /// supplier. The worst jurisdiction is over <see cref="Supplier.ExposureCountries"/>, as the live score takes it.
    /// </summary>
    private static async Task<List<SupplierPosition>> PositionsAsync(AppDbContext db, IReadOnlyDictionary<CountryCode, CountryRisk> risks, CancellationToken cancellationToken)
    {
        var suppliers = await db.Suppliers.AsNoTracking().Include(s => s.Sites).Include(s => s.Subcontractors).AsSplitQuery()
            .ToListAsync(cancellationToken);

        // C of the latest decision snapshot, else of the latest submission snapshot: the first of each supplier in this
        // order. The supplier list's "cband" filter orders them the same way.
        var snapshots = await db.Assessments.AsNoTracking()
            .SelectMany(a => a.ScoreSnapshots, (a, k) => new { a.SupplierId, k.Kind, k.TakenAtUtc, k.Id, k.ControlScore })
            .OrderBy(k => k.SupplierId).ThenByDescending(k => k.Kind == ScoreSnapshotKind.Decision).ThenByDescending(k => k.TakenAtUtc).ThenByDescending(k => k.Id)
            .Select(k => new { k.SupplierId, k.ControlScore })
            .ToListAsync(cancellationToken);
        var controlScores = snapshots.GroupBy(k => k.SupplierId).ToDictionary(g => g.Key, g => g.First().ControlScore);

        return suppliers.Select(s => new SupplierPosition(
                s.Status, s.LatestTier, s.ReassessmentDueOn, WorstJurisdiction.Of(s.ExposureCountries(), risks),
                controlScores.TryGetValue(s.Id, out var c) ? c : null))
            .ToList();
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
