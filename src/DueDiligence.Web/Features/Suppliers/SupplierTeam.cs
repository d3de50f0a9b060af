using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>
/// Who works on a supplier: its owner or an administrator hands it over to another analyst and adds or removes
/// collaborators. Each change is a change of the supplier, so the audit trail records it (old and new owner).
/// </summary>
public sealed class SupplierTeam(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>The analysts a supplier can be handed over to or shared with.</summary>
    public async Task<IReadOnlyList<AnalystOption>> AnalystsAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst, AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Analysts.ListAsync(db, cancellationToken);
    }

    public async Task HandOverAsync(Guid supplierId, Guid version, string newOwnerId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst, AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supplier = await LoadAsync(db, supplierId, cancellationToken);
        RecordAccess.RequireTeamManager(await currentUser.GetPrincipalAsync(), supplier, "hand over this supplier");
        if (supplier.Version != version)
        {
            throw new ConcurrencyConflictException(ConflictMessage(supplier.LegalName));
        }

        var analyst = await Analysts.RequireAsync(db, newOwnerId, cancellationToken);
        supplier.HandOver(analyst.Id, analyst.Name, time.UtcNow());
        await db.SaveOrConflictAsync(ConflictMessage(supplier.LegalName), cancellationToken);
    }

    public async Task AddCollaboratorAsync(Guid supplierId, string userId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst, AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supplier = await LoadAsync(db, supplierId, cancellationToken);
        RecordAccess.RequireTeamManager(await currentUser.GetPrincipalAsync(), supplier, "choose who collaborates on this supplier");
        var analyst = await Analysts.RequireAsync(db, userId, cancellationToken);
        supplier.AddCollaborator(analyst.Id, analyst.Name, time.UtcNow());
        await db.SaveOrConflictAsync(ConflictMessage(supplier.LegalName), cancellationToken);
    }

    public async Task RemoveCollaboratorAsync(Guid supplierId, string userId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst, AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supplier = await LoadAsync(db, supplierId, cancellationToken);
        RecordAccess.RequireTeamManager(await currentUser.GetPrincipalAsync(), supplier, "choose who collaborates on this supplier");
        supplier.RemoveCollaborator(userId, time.UtcNow());
        await db.SaveOrConflictAsync(ConflictMessage(supplier.LegalName), cancellationToken);
    }

    private static async Task<Supplier> LoadAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Suppliers.Include(s => s.Collaborators).FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new DomainException("This supplier no longer exists.");

    private static string ConflictMessage(string name) =>
        $"{name} was changed by someone else a moment ago. Nothing was changed: reload the page to see who owns it now, then try again.";
}
