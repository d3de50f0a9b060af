using DueDiligence.Domain.Common;
using DueDiligence.Domain.IpRights;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.IpRights;

/// <summary>A supplier's rights matrix and whether the user may change the register behind it.</summary>
public sealed record SupplierRights(Supplier Supplier, RightsMatrix Matrix, bool CanEditRegister);

/// <summary>Reads the register, a supplier's rights matrix and a country's treaty data; every role reads them.</summary>
public sealed class IpRightQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<IReadOnlyList<IpRight>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(IpRightsAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RightsAsync(db, cancellationToken);
    }

    public async Task<IpRight?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(IpRightsAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.IpRights.AsNoTracking().Include(r => r.Countries).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    public async Task<bool> CanEditAsync()
    {
        var user = await currentUser.GetPrincipalAsync();
        return IpRightsAccess.Editors.Any(user.IsInRole);
    }

    /// <summary>
    /// The rights × exposure-country matrix of a supplier, for whoever may read the supplier (<see cref="SupplierQueries.Readers"/>:
    /// every role reads the register); null when the supplier does not exist.
    /// </summary>
    public async Task<SupplierRights?> MatrixAsync(Guid supplierId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SupplierQueries.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supplier = await db.Suppliers.AsNoTracking()
            .Include(s => s.Sites).Include(s => s.Subcontractors).Include(s => s.Exposure)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == supplierId, cancellationToken);
        if (supplier is null)
        {
            return null;
        }

        var matrix = await BuildAsync(db, supplier, cancellationToken);
        return new SupplierRights(supplier, matrix, await CanEditAsync());
    }

    /// <summary>A country's treaty data; null when the reference data has no row for it (every fact then reads "unknown").</summary>
    public async Task<CountryTreaties?> TreatiesAsync(string countryCode, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(IpRightsAccess.Readers);
        if (!CountryCode.TryParse(countryCode, out var country))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CountryTreaties.AsNoTracking().Include(t => t.Values).FirstOrDefaultAsync(t => t.Country == country, cancellationToken);
    }

    /// <summary>The matrix of a supplier the caller has loaded and authorized (the risk summary's).</summary>
    public async Task<RightsMatrix> MatrixOfAsync(Supplier supplier, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SupplierQueries.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await BuildAsync(db, supplier, cancellationToken);
    }

    private async Task<RightsMatrix> BuildAsync(AppDbContext db, Supplier supplier, CancellationToken cancellationToken)
    {
        var countries = supplier.ExposureCountries().ToList();
        var treaties = await db.CountryTreaties.AsNoTracking().Include(t => t.Values)
            .Where(t => countries.Contains(t.Country))
            .ToDictionaryAsync(t => t.Country, cancellationToken);
        return RightsMatrix.For(supplier, await RightsAsync(db, cancellationToken), treaties, time.Today());
    }

    private static async Task<List<IpRight>> RightsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.IpRights.AsNoTracking().Include(r => r.Countries).OrderBy(r => r.Title).ThenBy(r => r.Kind).ToListAsync(cancellationToken);
}
