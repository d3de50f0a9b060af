using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Admin.Audit;

/// <summary>Filters of the audit log page; empty fields do not filter.</summary>
public sealed class AuditFilter
{
    public string? EntityType { get; set; }

    public string? EntityKey { get; set; }

    public string? Actor { get; set; }

    public DateTime? FromUtc { get; set; }

    public DateTime? ToUtc { get; set; }
}

/// <summary>
/// One page of audit events, how many match in all, and the names of the records the events point to by id (suppliers,
/// assessments, users, roles, sourcing projects), so that the page shows names instead of ids.
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, int Total, IReadOnlyDictionary<string, string> Names);

/// <summary>Reads the audit trail and verifies its hash chain. Administrators only.</summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<AuditPage> SearchAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(e => e.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityKey))
        {
            query = query.Where(e => e.EntityKey.Contains(filter.EntityKey.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            query = query.Where(e => e.Actor.Contains(filter.Actor.Trim()));
        }

        if (filter.FromUtc is { } from)
        {
            query = query.Where(e => e.OccurredAtUtc >= from);
        }

        if (filter.ToUtc is { } to)
        {
            query = query.Where(e => e.OccurredAtUtc < to);
        }

        var total = await query.CountAsync(cancellationToken);
        var events = await query.OrderByDescending(e => e.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new AuditPage(events, total, await AuditRecordNames.ForAsync(db, events, withEmail: true, cancellationToken));
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEvents.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

    /// <summary>Recomputes every hash in chain order; names the first event that does not match.</summary>
    public async Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await AuditChain.VerifyAsync(db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable(), cancellationToken);
    }
}
