using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Dashboard;

/// <summary>A supplier of the current analyst with subcontractors nobody has said handle our IP or not.</summary>
public sealed record SupplierToConfirm(Guid SupplierId, string LegalName, IReadOnlyList<string> Subcontractors);

/// <summary>
/// The owner's to-do of policy ipdd-2026.2: subcontractors not yet confirmed as handling our IP or not, counted as handling
/// it meanwhile. Listed for the analyst who owns the supplier; gone once every subcontractor is confirmed.
/// </summary>
public sealed class SubcontractorsToConfirm(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<IReadOnlyList<SupplierToConfirm>> ForMeAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst);
        var userId = await currentUser.GetUserIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var suppliers = await db.Suppliers.AsNoTracking()
            .Where(s => s.OwnerId == userId && s.Subcontractors.Any(sub => sub.IpHandling == SubcontractorIpHandling.NotConfirmed))
            .OrderBy(s => s.LegalNameKey)
            .Include(s => s.Subcontractors)
            .ToListAsync(cancellationToken);
        return suppliers.Select(s => new SupplierToConfirm(
                s.Id, s.LegalName, s.UnconfirmedSubcontractors().Select(sub => $"{sub.Name} ({sub.Country.Name}) — {sub.Activity}").Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
