using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Components.Shared;

/// <summary>The names of the records audit events point to (suppliers, assessments, projects, people, roles), for showing them in words.</summary>
public static class AuditRecordNames
{
    /// <summary>
    /// One query per kind of record the events point to, none when they point to nothing; ids that no longer name
    /// anything are left out. People are named by display name, with their e-mail when <paramref name="withEmail"/>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ForAsync(AppDbContext db, IReadOnlyList<AuditEvent> events, bool withEmail, CancellationToken cancellationToken)
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
                names[u.Id] = string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : withEmail ? $"{u.DisplayName} ({u.Email})" : u.DisplayName;
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
}
