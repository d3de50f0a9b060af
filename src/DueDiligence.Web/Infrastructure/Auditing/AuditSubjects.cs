using System.Globalization;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DueDiligence.Web.Infrastructure.Auditing;

/// <summary>
/// Finds the supplier each audited change belongs to, for <see cref="Domain.Auditing.AuditEvent.SupplierKey"/>: the supplier
/// itself; a record with a supplier id (a site, contact, subcontractor, agreement, tool, assessment…); or, through its
/// foreign keys, a record whose parent is one of those (an answer through its assessment, an answer's history through the
/// answer). Parents are looked up among the tracked records; an assessment that is not tracked is read once per save.
/// </summary>
internal sealed class AuditSubjects
{
    private const int MaxDepth = 4;

    private readonly Dictionary<(Type Type, string Key), EntityEntry> _tracked = [];

    private AuditSubjects(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.Metadata.FindPrimaryKey() is { } key)
            {
                _tracked.TryAdd((entry.Metadata.ClrType, KeyText(key.Properties.Select(p => entry.Property(p.Name).CurrentValue))), entry);
            }
        }
    }

    /// <summary>What is known of each entry's supplier from the tracked records alone.</summary>
    public static Func<EntityEntry, AuditSubject> For(ChangeTracker tracker) => new AuditSubjects(tracker).Of;

    /// <summary>The entries with the supplier of each assessment that was not tracked, read in one query.</summary>
    public static async Task<List<AuditEntryBuilder.Entry>> ResolveAsync(
        AppDbContext db, List<AuditEntryBuilder.Entry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Where(e => e.Subject.SupplierKey is null && e.Subject.AssessmentId is not null)
            .Select(e => e.Subject.AssessmentId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return entries;
        }

        var suppliers = await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.SupplierId }).ToDictionaryAsync(a => a.Id, a => a.SupplierId, cancellationToken);
        return entries.Select(e => e.Subject is { SupplierKey: null, AssessmentId: { } assessment } && suppliers.TryGetValue(assessment, out var supplier)
            ? e with { Subject = AuditSubject.Of(supplier) }
            : e).ToList();
    }

    private AuditSubject Of(EntityEntry entry) => Of(entry, 0);

    private AuditSubject Of(EntityEntry entry, int depth)
    {
        switch (entry.Entity)
        {
            case Supplier supplier:
                return AuditSubject.Of(supplier.Id);
            case Assessment assessment:
                return AuditSubject.Of(assessment.SupplierId);
        }

        if (entry.Metadata.FindProperty(nameof(Assessment.SupplierId)) is { } property && entry.Property(property.Name).CurrentValue is Guid id)
        {
            return AuditSubject.Of(id);
        }

        foreach (var foreignKey in entry.Metadata.GetForeignKeys())
        {
            var values = foreignKey.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToList();
            if (values.Any(v => v is null))
            {
                continue;
            }

            var principal = foreignKey.PrincipalEntityType.ClrType;
            if (depth < MaxDepth && _tracked.TryGetValue((principal, KeyText(values)), out var parent) && Of(parent, depth + 1) is { IsKnown: true } found)
            {
                return found;
            }

            if (principal == typeof(Assessment) && values[0] is Guid assessment)
            {
                return new AuditSubject(null, assessment);
            }
        }

        return AuditSubject.None;
    }

    private static string KeyText(IEnumerable<object?> values) =>
        string.Join("|", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
}

/// <summary>The supplier a change belongs to, or the assessment whose supplier it is (still to be read), or neither.</summary>
internal sealed record AuditSubject(string? SupplierKey, Guid? AssessmentId)
{
    public static readonly AuditSubject None = new(null, null);

    public bool IsKnown => SupplierKey is not null || AssessmentId is not null;

    public static AuditSubject Of(Guid supplierId) => new(supplierId.ToString(), null);
}
