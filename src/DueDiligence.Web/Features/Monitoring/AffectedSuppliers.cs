using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Monitoring;

/// <summary>The suppliers whose position a change may move, found in the database once the change is saved.</summary>
public sealed class AffectedSuppliers
{
    private const string CountryKey = "country:";
    private const string TemplateKey = "template:";

    private readonly Func<AppDbContext, CancellationToken, Task<List<Guid>>> _find;

    private AffectedSuppliers(Func<AppDbContext, CancellationToken, Task<List<Guid>>> find, string? key = null, PositionTrigger? resumed = null)
    {
        _find = find;
        Key = key;
        Resumed = resumed;
    }

    /// <summary>
    /// What finds these suppliers again in a later transaction (<see cref="FromKey"/>), e.g. "country:CN"; null for a set
    /// that only the change itself knows.
    /// </summary>
    public string? Key { get; }

    /// <summary>Why they are recomputed when another instance takes over a recompute that stopped; null without a key.</summary>
    public PositionTrigger? Resumed { get; }

    /// <summary>The suppliers a <see cref="Key"/> stands for; null for a key this version does not know.</summary>
    public static AffectedSuppliers? FromKey(string key)
    {
        if (key.StartsWith(CountryKey, StringComparison.Ordinal))
        {
            return CountryCode.TryParse(key[CountryKey.Length..], out var country) ? NamingCountry(country) : null;
        }

        return key.StartsWith(TemplateKey, StringComparison.Ordinal) && Guid.TryParse(key[TemplateKey.Length..], out var template)
            ? DecidedOnTemplate(template)
            : null;
    }

    public static AffectedSuppliers Only(params IEnumerable<Guid> ids)
    {
        var list = ids.ToList();
        return new((_, _) => Task.FromResult(list));
    }

    /// <summary>
    /// Every supplier that names the country anywhere (HQ, a site, a subcontractor): a superset of those for which it counts;
    /// the recompute itself decides which countries count (<see cref="SupplierPositionUpdater"/>).
    /// </summary>
    public static AffectedSuppliers NamingCountry(CountryCode country) => new(
        (db, ct) => db.Suppliers
            .Where(s => s.HqCountry == country || s.Sites.Any(site => site.Country == country) || s.Subcontractors.Any(sub => sub.Country == country))
            .Select(s => s.Id)
            .ToListAsync(ct),
        CountryKey + country.Value,
        new PositionTrigger($"{country.Name}: recompute resumed after an interruption"));

    /// <summary>
    /// Suppliers whose latest decision was taken on a version of this questionnaire template. Taken over after an
    /// interruption, the recompute notes the new knock-outs again for each of them, also for those noted before it stopped.
    /// </summary>
    public static AffectedSuppliers DecidedOnTemplate(Guid templateKey) => new(
        (db, ct) =>
        {
            var versions = db.TemplateVersions.Where(t => t.TemplateKey == templateKey).Select(t => t.Id);
            return db.SupplierPositions
                .Where(p => p.DecidedAssessmentId != null && db.Assessments.Any(a => a.Id == p.DecidedAssessmentId && versions.Contains(a.TemplateVersionId)))
                .Select(p => p.SupplierId)
                .ToListAsync(ct);
        },
        TemplateKey + templateKey.ToString("N"),
        new PositionTrigger(
            "A newer version of the questionnaire adds a knock-out; the decision was taken without it (noted after an interruption)",
            PositionTriggerKind.Information));

    internal Task<List<Guid>> FindAsync(AppDbContext db, CancellationToken cancellationToken) => _find(db, cancellationToken);
}
