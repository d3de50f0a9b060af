using DueDiligence.Domain.Auditing;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Risk;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>One row of the supplier list.</summary>
public sealed record SupplierRow(
    Guid Id, string LegalName, CountryCode HqCountry, SupplierCategory Category, SupplierStatus Status, string OwnerName,
    int MaxSensitivity, RiskTier? LatestTier, double? LatestResidualRisk, CountryRisk? WorstJurisdiction)
{
    public double Exposure => ScoringPolicy.Default.ExposurePerSensitivityLevel * MaxSensitivity;
}

/// <summary>Where a page of the API's supplier list ends: the last supplier's name key and id.</summary>
public readonly record struct SupplierCursor(string NameKey, Guid Id);

/// <summary>One page of the supplier list and how many suppliers match in all.</summary>
public sealed record SupplierPage(IReadOnlyList<SupplierRow> Rows, int Total);

/// <summary>
/// A supplier with its jurisdiction panel (every country where our IP would be exposed and the worst of them) and what
/// the user may do with it: edit it and start its assessments (owner and collaborators), hand it over and choose its
/// collaborators (owner and administrators).
/// </summary>
public sealed record SupplierDetail(Supplier Supplier, IReadOnlyList<CountryRisk> Countries, CountryRisk Worst, bool CanEdit, bool CanManageTeam)
{
    /// <summary>Why an analyst who is neither owner nor collaborator sees the edit buttons disabled.</summary>
    public string EditRefusal => RecordAccess.TeamOnly(Supplier, SupplierCommands.EditAction);

    public double Exposure => ScoringPolicy.Default.ExposurePerSensitivityLevel * Supplier.MaxSensitivity;
}

/// <summary>A supplier's history: its audit events, newest first, and the names of the records they point to by id.</summary>
public sealed record SupplierHistory(IReadOnlyList<AuditEvent> Events, IReadOnlyDictionary<string, string> Names);

/// <summary>Reads the supplier register; every role reads it.</summary>
public sealed class SupplierQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, JurisdictionRiskLookup jurisdictions, TimeProvider time)
{
    public static readonly string[] Readers = [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive, AppRoles.Admin];

    /// <summary>Well under SQL Server's 2,100 parameters of one statement.</summary>
    private const int SimilarStemsPerQuery = 500;

    public async Task<SupplierPage> SearchAsync(SupplierFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = (await filter.ApplyAsync(db, time.Today(), cancellationToken)).AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var ids = await query.Skip(skip).Take(Math.Clamp(take, 1, 500)).Select(s => s.Id).ToListAsync(cancellationToken);
        return new SupplierPage(await RowsAsync(await ListedAsync(db, ids, cancellationToken), cancellationToken), total);
    }

    /// <summary>
    /// The suppliers that match the filter after <paramref name="after"/>, in the order of name and then id, for the API:
    /// the same filters and access as <see cref="SearchAsync"/>, paged by a cursor so that a page never repeats or skips
    /// a supplier when others are added or removed between requests. Null when no supplier follows.
    /// </summary>
    public async Task<(IReadOnlyList<SupplierRow> Rows, SupplierCursor? Next)> SearchAfterAsync(
        SupplierFilter filter, SupplierCursor? after, int take, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        filter.Sort = null; // the cursor's own order
        var query = (await filter.ApplyAsync(db, time.Today(), cancellationToken)).AsNoTracking();
        if (after is { } cursor)
        {
            // CompareTo: the database's own order of names and ids, the same as the ORDER BY below.
            query = query.Where(s => s.LegalNameKey.CompareTo(cursor.NameKey) > 0 || (s.LegalNameKey == cursor.NameKey && s.Id.CompareTo(cursor.Id) > 0));
        }

        var size = Math.Clamp(take, 1, 500);
        var keys = await query.OrderBy(s => s.LegalNameKey).ThenBy(s => s.Id).Take(size + 1).Select(s => new { s.Id, s.LegalNameKey }).ToListAsync(cancellationToken);
        var next = keys.Count > size ? new SupplierCursor(keys[size - 1].LegalNameKey, keys[size - 1].Id) : (SupplierCursor?)null;
        var page = await ListedAsync(db, keys.Take(size).Select(k => k.Id).ToList(), cancellationToken);
        return (await RowsAsync(page, cancellationToken), next);
    }

    /// <summary>
    /// The listed suppliers, in the order of <paramref name="ids"/>, with what decides their worst jurisdiction
    /// (<see cref="Supplier.ExposureCountries"/>) and their exposure. The filter and the sort ran once, for the ids: a split
    /// query of the filtered page would run them again for each collection (four times at 100,000 suppliers:
    /// docs/benchmarks.md, "Supplier list").
    /// </summary>
    private static async Task<List<Supplier>> ListedAsync(AppDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        var loaded = await db.Suppliers.AsNoTracking().Include(s => s.Sites).Include(s => s.Subcontractors).Include(s => s.Exposure).AsSplitQuery()
            .Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        return ids.Where(loaded.ContainsKey).Select(id => loaded[id]).ToList(); // one removed since the ids were read is left out
    }

    private async Task<IReadOnlyList<SupplierRow>> RowsAsync(List<Supplier> page, CancellationToken cancellationToken)
    {
        var countries = page.SelectMany(p => p.ExposureCountries()).Distinct().ToList();
        var risks = (await jurisdictions.ForAsync(countries, cancellationToken)).ToDictionary(r => r.Jurisdiction.Country);
        return page.Select(p => new SupplierRow(
            p.Id, p.LegalName, p.HqCountry, p.Category, p.Status, p.OwnerName, p.MaxSensitivity, p.LatestTier, p.LatestResidualRisk,
            CountryRisk.Worst(p.ExposureCountries().Select(c => risks[c])))).ToList();
    }

    public async Task<SupplierDetail?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supplier = await db.Suppliers.AsNoTracking()
            .Include(s => s.Sites).Include(s => s.Subcontractors).Include(s => s.Contacts).Include(s => s.Exposure).Include(s => s.Collaborators)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (supplier is null)
        {
            return null;
        }

        var countries = await jurisdictions.ForAsync(supplier.ExposureCountries(), cancellationToken);
        var user = await currentUser.GetPrincipalAsync();
        return new SupplierDetail(supplier, countries, CountryRisk.Worst(countries)!, RecordAccess.IsTeamMember(user, supplier), RecordAccess.CanManageTeam(user, supplier));
    }

    /// <summary>
    /// The suppliers a new or renamed supplier may duplicate, for a warning before it is saved: the same name in the same
    /// HQ country (saving will be refused), the same name elsewhere or without its legal form, or a similar name.
    /// </summary>
    public async Task<IReadOnlyList<SimilarSupplier>> SimilarAsync(string? legalName, string? hqCountry, Guid? except, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Readers);
        if (string.IsNullOrWhiteSpace(legalName))
        {
            return [];
        }

        // The stems alone first (from their index), then only the suppliers whose stem may be listed, a chunk of stems
        // per query so that no provider gets more parameters than it takes.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mayList = SimilarSupplierSearch.MayList(legalName);
        var stems = (await db.Suppliers.AsNoTracking().Select(s => s.MatchStem).ToListAsync(cancellationToken)).Where(mayList).Distinct().ToList();
        var candidates = new List<NamedSupplier>();
        foreach (var chunk in stems.Chunk(SimilarStemsPerQuery))
        {
            candidates.AddRange(await db.Suppliers.AsNoTracking()
                .Where(s => chunk.Contains(s.MatchStem) && s.Id != except)
                .Select(s => new NamedSupplier(s.Id, s.LegalName, s.HqCountry, s.MatchKey, s.MatchStem))
                .ToListAsync(cancellationToken));
        }

        return SimilarSupplierSearch.Find(legalName, CountryCode.TryParse(hqCountry, out var country) ? country : null, candidates);
    }

    /// <summary>The owners that appear in the register, for the owner filter.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> OwnersAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owners = await db.Suppliers.AsNoTracking().Select(s => new { s.OwnerId, s.OwnerName }).Distinct().OrderBy(o => o.OwnerName).ToListAsync(cancellationToken);
        return owners.Select(o => (o.OwnerId, o.OwnerName)).ToList();
    }

    /// <summary>
    /// The audit events of the supplier and of the records that belong to it (sites, contacts, assessments and their
    /// answers…; <see cref="AuditEvent.SupplierKey"/>, found by its index), newest first,
    /// with the names of the records they point to by id, so that the history reads "Brightpath …", not an id.
    /// </summary>
    public async Task<SupplierHistory> HistoryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Readers);
        var key = id.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.SupplierKey == key)
            .OrderByDescending(e => e.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        return new SupplierHistory(events, await AuditRecordNames.ForAsync(db, events, withEmail: false, cancellationToken));
    }
}
