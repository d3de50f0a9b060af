using System.Security.Claims;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Monitoring;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Monitoring;

/// <summary>One decided supplier on the "Changed since decision" queue, with what moved it and whether this user may start its reassessment.</summary>
public sealed record ChangedSupplierRow(
    Guid SupplierId,
    string SupplierName,
    string OwnerName,
    SupplierStatus Status,
    PositionFigures Decided,
    string? DecidedPolicyId,
    PositionFigures Live,
    string? LivePolicyId,
    int OverdueConditions,
    string? Reason,
    DateTime? ChangedAtUtc,
    IReadOnlyList<PositionChangeEntry> Changes,
    Guid? ReassessOnTemplateId,
    bool CanStartReassessment)
{
    public bool ReassessmentInProgress => Status == SupplierStatus.UnderAssessment;
}

/// <summary>One page of the "Changed since decision" queue, with how many suppliers it holds in all.</summary>
public sealed record ChangedSupplierPage(IReadOnlyList<ChangedSupplierRow> Rows, int Total);

/// <summary>One "what changed" entry: what, when, by whom, R and tier before and after.</summary>
public sealed record PositionChangeEntry(string What, DateTime AtUtc, string ByName, PositionFigures Before, PositionFigures After);

/// <summary>
/// The "Changed since decision" queue: decided suppliers whose live tier is worse than the decided one, or with an overdue
/// condition. Legal reviewers and executives see every such supplier; an analyst sees those they own or collaborate on;
/// administrators do not see it (they do not see assessments).
/// </summary>
public sealed class ChangedSinceDecisionQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public static readonly string[] Readers = [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive];

    private const int ChangesShown = 5;

    /// <summary>One page of the queue, most recently changed first, paged in the database; what changed is read for that page only.</summary>
    public async Task<ChangedSupplierPage> ListAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Readers);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = VisibleTo(db, user);
        var total = await visible.CountAsync(cancellationToken);
        var page = visible
            .OrderByDescending(x => x.Position.ChangedAtUtc).ThenBy(x => x.Supplier.LegalNameKey).ThenBy(x => x.Supplier.Id)
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 500));
        return new ChangedSupplierPage(await RowsAsync(db, user, page, cancellationToken), total);
    }

    /// <summary>The supplier's row of the queue, for its page: null when it is not on the queue, or not on this user's.</summary>
    public async Task<ChangedSupplierRow?> ForSupplierAsync(Guid supplierId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Readers);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await RowsAsync(db, user, VisibleTo(db, user).Where(x => x.Supplier.Id == supplierId), cancellationToken)).SingleOrDefault();
    }

    /// <summary>The rows of these suppliers of the queue, in their order, with what changed since each decision.</summary>
    private static async Task<List<ChangedSupplierRow>> RowsAsync(
        AppDbContext db, ClaimsPrincipal user, IQueryable<PositionOfSupplier> positions, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var rows = await positions
            .Select(x => new
            {
                x.Supplier.Id,
                x.Supplier.LegalName,
                x.Supplier.OwnerName,
                x.Supplier.OwnerId,
                x.Supplier.Status,
                IsCollaborator = x.Supplier.Collaborators.Any(c => c.UserId == userId),
                x.Position,
                TemplateKey = db.Assessments.Where(a => a.Id == x.Position.DecidedAssessmentId)
                    .SelectMany(a => db.TemplateVersions.Where(t => t.Id == a.TemplateVersionId).Select(t => (Guid?)t.TemplateKey))
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var changes = (await db.SupplierPositionChanges.AsNoTracking().Where(c => ids.Contains(c.SupplierId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.SupplierId);
        var keys = rows.Select(r => r.TemplateKey).OfType<Guid>().Distinct().ToList();
        var published = await db.TemplateVersions.AsNoTracking()
            .Where(t => keys.Contains(t.TemplateKey) && t.Status == TemplateStatus.Published)
            .Select(t => new { t.TemplateKey, t.Id })
            .ToDictionaryAsync(t => t.TemplateKey, t => t.Id, cancellationToken);
        var isAnalyst = user.IsInRole(AppRoles.Analyst);

        return rows.Select(r =>
        {
            var p = r.Position;
            var template = r.TemplateKey is { } key && published.TryGetValue(key, out var id) ? id : (Guid?)null;
            var sinceDecision = changes[r.Id].Where(c => c.AtUtc >= p.DecidedAtUtc).OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id).Take(ChangesShown)
                .Select(c => new PositionChangeEntry(c.What, c.AtUtc, c.ByName, new(c.TierBefore, c.ResidualRiskBefore), new(c.TierAfter, c.ResidualRiskAfter)))
                .ToList();
            var onTeam = isAnalyst && (r.OwnerId == userId || r.IsCollaborator);
            return new ChangedSupplierRow(
                r.Id, r.LegalName, r.OwnerName, r.Status, p.Decided, p.DecidedPolicyId, p.Live, p.PolicyId, p.OverdueConditions, p.ChangeReason, p.ChangedAtUtc,
                sinceDecision, template, onTeam && r.Status != SupplierStatus.UnderAssessment && template is not null);
        }).ToList();
    }

    /// <summary>How many suppliers of the queue this user sees, for the dashboard; null for the roles that do not read it.</summary>
    public async Task<int?> CountAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetPrincipalAsync();
        if (!Readers.Any(user.IsInRole))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await VisibleTo(db, user).CountAsync(cancellationToken);
    }

    private static IQueryable<PositionOfSupplier> VisibleTo(AppDbContext db, ClaimsPrincipal user)
    {
        // Compared with a parameter, not tested as a bare column: SQLite then finds the few changed positions by their index.
        var changed = true;
        var query = db.SupplierPositions.AsNoTracking().Where(p => p.ChangedSinceDecision == changed)
            .Join(db.Suppliers.AsNoTracking(), p => p.SupplierId, s => s.Id, (p, s) => new PositionOfSupplier { Position = p, Supplier = s });
        if (user.IsInRole(AppRoles.LegalReviewer) || user.IsInRole(AppRoles.Executive))
        {
            return query;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return query.Where(x => x.Supplier.OwnerId == userId || x.Supplier.Collaborators.Any(c => c.UserId == userId));
    }

    private sealed class PositionOfSupplier
    {
        public required SupplierPosition Position { get; init; }

        public required Supplier Supplier { get; init; }
    }
}
