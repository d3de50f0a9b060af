using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications.Webhooks;
using DueDiligence.Web.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>
/// Creating and editing suppliers. An analyst creates one and owns it; its owner and collaborators edit it; the other roles
/// read. A new site, subcontractor or IP exposure re-scores the supplier in the same transaction; a new supplier is a webhook event.
/// </summary>
public sealed class SupplierCommands(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<SupplierInput> validator, TimeProvider time, SupplierPositionUpdater positions,
    WebhookEvents webhooks)
{
    public const string Editor = AppRoles.Analyst;

    /// <summary>What only the owner and collaborators may do, as the refusal names it.</summary>
    public const string EditAction = "edit this supplier";

    public async Task<Guid> CreateAsync(SupplierInput input, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Editor);
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var now = time.UtcNow();
        var principal = await currentUser.GetPrincipalAsync();
        var supplier = new Supplier(input.ToProfile(), (await currentUser.GetUserIdAsync())!, AppClaims.DisplayNameOf(principal), now);
        input.ApplyCollectionsTo(supplier, now);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureNotDuplicateAsync(db, supplier.LegalName, supplier.HqCountry, null, cancellationToken);
        db.Suppliers.Add(supplier);
        await webhooks.RaiseAsync(db, WebhookEvent.SupplierCreated(supplier.Id), cancellationToken);
        await positions.SaveAsync(db, () => db.SaveChangesAsync(cancellationToken), new PositionTrigger("Registered"), AffectedSuppliers.Only(supplier.Id), cancellationToken);
        return supplier.Id;
    }

    public async Task<Guid> UpdateAsync(SupplierInput input, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Editor);
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supplier = await LoadForEditAsync(db, input.Id!.Value, input.Version, cancellationToken);
        RecordAccess.RequireTeamMember(await currentUser.GetPrincipalAsync(), supplier, EditAction);

        var now = time.UtcNow();
        var profile = input.ToProfile();
        // A pair registered before names were compared without punctuation and legal forms may exist; such a supplier
        // stays editable as long as its name and country keep their key (the form shows the other one as a warning).
        if (LegalNames.Key(profile.LegalName) != supplier.MatchKey || profile.HqCountry != supplier.HqCountry)
        {
            await EnsureNotDuplicateAsync(db, profile.LegalName, profile.HqCountry, supplier.Id, cancellationToken);
        }

        var before = SupplierExposureChange.Before(supplier);
        supplier.UpdateProfile(profile, now);
        input.ApplyCollectionsTo(supplier, now);
        await positions.SaveAsync(
            db, () => db.SaveOrConflictAsync(ConflictMessage(supplier.LegalName), cancellationToken), new PositionTrigger(before.Describe(supplier)),
            AffectedSuppliers.Only(supplier.Id), cancellationToken);
        return supplier.Version;
    }

    public async Task ChangeStatusAsync(Guid id, Guid version, SupplierStatus status, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supplier = await LoadForEditAsync(db, id, version, cancellationToken);
        RecordAccess.RequireTeamMember(await currentUser.GetPrincipalAsync(), supplier, EditAction);
        supplier.ChangeStatus(status, time.UtcNow());
        await db.SaveOrConflictAsync(ConflictMessage(supplier.LegalName), cancellationToken);
    }

    private static async Task<Supplier> LoadForEditAsync(AppDbContext db, Guid id, Guid? version, CancellationToken cancellationToken)
    {
        var supplier = await db.Suppliers
            .Include(s => s.Sites).Include(s => s.Subcontractors).Include(s => s.Contacts).Include(s => s.Exposure).Include(s => s.Collaborators)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new DomainException("This supplier no longer exists.");
        if (version is not null && supplier.Version != version)
        {
            throw new ConcurrencyConflictException(ConflictMessage(supplier.LegalName));
        }

        return supplier;
    }

    /// <summary>
    /// Refuses a second supplier with the same name in the same HQ country, where "the same name" ignores case, accents,
    /// punctuation, spacing and how the legal form is spelled (<see cref="LegalNames.Key"/>).
    /// </summary>
    private static async Task EnsureNotDuplicateAsync(AppDbContext db, string legalName, CountryCode country, Guid? self, CancellationToken cancellationToken)
    {
        var key = LegalNames.Key(legalName);
        var existing = await db.Suppliers.AsNoTracking()
            .Where(s => s.MatchKey == key && s.HqCountry == country && s.Id != self)
            .Select(s => new { s.Id, s.LegalName })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw new DuplicateSupplierException(existing.Id, existing.LegalName, country.Name);
        }
    }

    private static string ConflictMessage(string name) =>
        $"{name} was changed by someone else after you opened it. Nothing was overwritten: your edits are still in the form. Open the supplier in a new tab to see their changes, then apply yours again.";
}
