using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Domain.Tooling;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Tooling;

/// <summary>One tool of the register: where it is, who holds it, and the custody flag in words (null when in order).</summary>
public sealed record ToolRow(Guid Id, string Tag, string Description, Guid? SupplierId, string PlaceName, string Custodian, int Photos, DateOnly LastSignedOn, string? Flag);

/// <summary>The register's filter: words in the tag, description, place or custodian; flagged tools only; one supplier's tools only.</summary>
public sealed record ToolFilter(string? Search = null, bool FlaggedOnly = false, Guid? SupplierId = null);

/// <summary>A tool with its flag and what the current user may do with it.</summary>
public sealed record ToolView(Tool Tool, string? Flag, bool CanHandle, string? WhyNot);

/// <summary>A place a tool can go: in-house, or one supplier's site, with whether the supplier is approved.</summary>
public sealed record ToolPlaceOption(string Value, string Name, bool Approved);

/// <summary>Reads the tooling register for everyone who reads the supplier register.</summary>
public sealed class ToolingQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<IReadOnlyList<ToolRow>> ListAsync(ToolFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await currentUser.RequireAnyRoleAsync(ToolingAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Tools.AsNoTracking();
        if (filter.SupplierId is { } supplierId)
        {
            query = query.Where(t => t.SupplierId == supplierId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var words = filter.Search.Trim().ToUpperInvariant();
            query = query.Where(t => t.Tag.ToUpper().Contains(words) || t.Description.ToUpper().Contains(words)
                || t.PlaceName.ToUpper().Contains(words) || t.Custodian.ToUpper().Contains(words));
        }

        var tools = await query.OrderBy(t => t.Tag)
            .Select(t => new { t.Id, t.Tag, t.Description, t.SupplierId, t.SiteId, t.PlaceName, t.Custodian, Photos = t.Photos.Count, LastSignedOn = t.Transfers.Max(x => x.SignedOn) })
            .ToListAsync(cancellationToken);
        var holders = await HoldersAsync(db, tools.Where(t => t.SupplierId is not null).Select(t => t.SupplierId!.Value).Distinct().ToList(), cancellationToken);
        var rows = tools.Select(t => new ToolRow(t.Id, t.Tag, t.Description, t.SupplierId, t.PlaceName, t.Custodian, t.Photos, t.LastSignedOn,
            CustodyCheck.FlagFor(new ToolPlace(t.SupplierId, t.SiteId, t.PlaceName), holders.Holder(t.SupplierId, t.SiteId))));
        return [.. rows.Where(r => !filter.FlaggedOnly || r.Flag is not null)];
    }

    /// <summary>The tool with its transfers and photos, or null when it does not exist.</summary>
    public async Task<ToolView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(ToolingAccess.Readers);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tool = await db.Tools.AsNoTracking().Include(t => t.Transfers).Include(t => t.Photos).AsSplitQuery().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tool is null)
        {
            return null;
        }

        var holders = await HoldersAsync(db, tool.SupplierId is { } s ? [s] : [], cancellationToken);
        var supplier = tool.SupplierId is { } supplierId
            ? await db.Suppliers.AsNoTracking().Include(x => x.Collaborators).FirstOrDefaultAsync(x => x.Id == supplierId, cancellationToken)
            : null;
        var can = ToolingAccess.MayHandle(user, supplier);
        var whyNot = can ? null
            : !user.IsInRole(ToolingAccess.Custodian) ? null
            : RecordAccess.TeamOnly(supplier!, $"move or photograph our tooling at {supplier!.LegalName}'s sites");
        return new ToolView(tool, CustodyCheck.FlagFor(tool.Place, holders.Holder(tool.SupplierId, tool.SiteId)), can, whyNot);
    }

    /// <summary>In-house first, then every site of every supplier that is not offboarded, by supplier name; unapproved suppliers are marked.</summary>
    public async Task<IReadOnlyList<ToolPlaceOption>> PlacesAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(ToolingAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var suppliers = await db.Suppliers.AsNoTracking().Include(s => s.Sites).Where(s => s.Status != SupplierStatus.Offboarded)
            .ToListAsync(cancellationToken);
        var holders = await HoldersAsync(db, [.. suppliers.Select(s => s.Id)], cancellationToken);
        return
        [
            new(ToolPlaceInput.InHouse, ToolPlace.InHouseName, true),
            .. suppliers.OrderBy(s => s.LegalName, Countries.NameOrder).SelectMany(s => s.Sites.OrderBy(x => x.City, Countries.NameOrder).Select(site =>
                new ToolPlaceOption(ToolPlaceInput.SiteValue(s.Id, site.Id), ToolPlace.AtSite(s, site).Name, holders.Holder(s.Id, site.Id) is { } h && SupplierApproval.IsApproved(h.Status, h.LatestDecision)))),
        ];
    }

    /// <summary>The suppliers' status, latest decision and site ids, for the custody check.</summary>
    internal static async Task<SiteHolders> HoldersAsync(AppDbContext db, IReadOnlyList<Guid> supplierIds, CancellationToken cancellationToken)
    {
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id))
            .Select(s => new { s.Id, s.LegalName, s.Status, Sites = s.Sites.Select(x => x.Id).ToList() })
            .ToListAsync(cancellationToken);
        var decisions = await db.Assessments.AsNoTracking().Where(a => supplierIds.Contains(a.SupplierId) && a.Decision != null)
            .Select(a => new { a.SupplierId, a.Decision!.DecidedAtUtc, a.Decision.Outcome })
            .ToListAsync(cancellationToken);
        var latest = decisions.GroupBy(d => d.SupplierId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.DecidedAtUtc)!.Outcome);
        return new SiteHolders(suppliers.ToDictionary(
            s => s.Id,
            s => (s.LegalName, s.Status, latest.TryGetValue(s.Id, out var outcome) ? outcome : (DecisionOutcome?)null, s.Sites.ToHashSet())));
    }

    internal sealed class SiteHolders(Dictionary<Guid, (string Name, SupplierStatus Status, DecisionOutcome? Latest, HashSet<Guid> Sites)> suppliers)
    {
        public SiteHolder? Holder(Guid? supplierId, Guid? siteId) =>
            supplierId is { } id && suppliers.TryGetValue(id, out var s) ? new SiteHolder(s.Name, s.Status, s.Latest, siteId is { } site && s.Sites.Contains(site)) : null;
    }
}
