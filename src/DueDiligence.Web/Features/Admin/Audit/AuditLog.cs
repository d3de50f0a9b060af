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
        return new AuditPage(events, total, await NamesAsync(db, events, cancellationToken));
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEvents.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

    /// <summary>One query per kind of record the page's events point to, none when they point to nothing.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> NamesAsync(AppDbContext db, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        var wanted = events.SelectMany(e => AuditWording.References(e.EntityType, e.EntityKey, e.Changes))
            .GroupBy(r => r.Kind, r => r.Id)
            .ToDictionary(g => g.Key, g => g.Distinct().ToList());
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Guids(wanted, AuditReference.Supplier) is { Count: > 0 } suppliers)
        {
            foreach (var s in await db.Suppliers.AsNoTracking().Where(s => suppliers.Contains(s.Id)).Select(s => new { s.Id, s.LegalName }).ToListAsync(cancellationToken))
            {
                names[s.Id.ToString()] = s.LegalName;
            }
        }

        if (Guids(wanted, AuditReference.Assessment) is { Count: > 0 } assessments)
        {
            var assessed = await db.Assessments.AsNoTracking().Where(a => assessments.Contains(a.Id))
                .Join(db.Suppliers, a => a.SupplierId, s => s.Id, (a, s) => new { a.Id, s.LegalName })
                .ToListAsync(cancellationToken);
            foreach (var a in assessed)
            {
                names[a.Id.ToString()] = $"Assessment of {a.LegalName}";
            }
        }

        if (Guids(wanted, AuditReference.SourcingProject) is { Count: > 0 } projects)
        {
            foreach (var p in await db.SourcingProjects.AsNoTracking().Where(p => projects.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            {
                names[p.Id.ToString()] = p.Name;
            }
        }

        if (wanted.GetValueOrDefault(AuditReference.User) is { Count: > 0 } users)
        {
            foreach (var u in await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken))
            {
                names[u.Id] = string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : $"{u.DisplayName} ({u.Email})";
            }
        }

        if (wanted.GetValueOrDefault(AuditReference.Role) is { Count: > 0 } roles)
        {
            foreach (var r in await db.Roles.AsNoTracking().Where(r => roles.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken))
            {
                names[r.Id] = AppRoles.DisplayName(r.Name ?? r.Id);
            }
        }

        return names;
    }

    private static List<Guid> Guids(Dictionary<AuditReference, List<string>> wanted, AuditReference kind) =>
        wanted.GetValueOrDefault(kind)?.Select(id => Guid.TryParse(id, out var guid) ? guid : (Guid?)null).OfType<Guid>().ToList() ?? [];

    /// <summary>Recomputes every hash in chain order; names the first event that does not match.</summary>
    public async Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await AuditChain.VerifyAsync(db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable(), cancellationToken);
    }
}
