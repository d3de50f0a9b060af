using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Domain.Tooling;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Tooling;

/// <summary>
/// Registering, moving and photographing customer-owned tools (<see cref="ToolingAccess"/> says who). Every change goes
/// through the audited save; photos go through the evidence store's checks and must be PNG or JPEG pictures.
/// </summary>
public sealed class ToolingCommands(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, EvidenceStore store,
    IValidator<NewToolInput> newValidator, IValidator<ToolTransferInput> transferValidator, TimeProvider time)
{
    /// <summary>The file types a photo may have; the store checks that the content is what the name says.</summary>
    public static readonly IReadOnlyList<string> PhotoExtensions = [".png", ".jpg", ".jpeg"];

    public async Task<Guid> CreateAsync(NewToolInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await currentUser.RequireAnyRoleAsync(ToolingAccess.Custodian);
        await newValidator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tag = input.Tag.Trim();
        if (await db.Tools.AnyAsync(t => t.Tag == tag, cancellationToken))
        {
            throw new DomainException($"A tool tagged “{tag}” is already registered; tags are unique.");
        }

        var (place, supplier) = await PlaceAsync(db, input.Place.Place, cancellationToken);
        ToolingAccess.RequireHandle(await currentUser.GetPrincipalAsync(), supplier);
        var tool = new Tool(tag, input.Description, place, input.Place.Custodian, input.Place.SignedOffBy,
            DateOnly.FromDateTime(input.Place.SignedOn!.Value), await ActorNameAsync(), time.UtcNow());
        db.Tools.Add(tool);
        await db.SaveChangesAsync(cancellationToken);
        return tool.Id;
    }

    /// <summary>Moves the tool; the user must be allowed to handle it where it is and where it goes.</summary>
    public async Task TransferAsync(ToolTransferInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await currentUser.RequireAnyRoleAsync(ToolingAccess.Custodian);
        await transferValidator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tool = await LoadAsync(db, input.ToolId, input.Version, cancellationToken);
        var principal = await currentUser.GetPrincipalAsync();
        ToolingAccess.RequireHandle(principal, await SupplierAsync(db, tool.SupplierId, cancellationToken));
        var (place, supplier) = await PlaceAsync(db, input.Place.Place, cancellationToken);
        ToolingAccess.RequireHandle(principal, supplier);
        tool.Transfer(place, input.Place.Custodian, input.Place.SignedOffBy, DateOnly.FromDateTime(input.Place.SignedOn!.Value), input.Note, await ActorNameAsync(), time.UtcNow());
        await db.SaveOrConflictAsync(Conflict(tool.Tag), cancellationToken);
    }

    /// <summary>Checks and stores a photo of the tool; a refused photo leaves nothing behind.</summary>
    /// <exception cref="EvidenceRejectedException">The file was refused by the evidence checks.</exception>
    public async Task<ToolPhoto> AddPhotoAsync(Guid toolId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(ToolingAccess.Custodian);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tool = await LoadAsync(db, toolId, version: null, cancellationToken);
        ToolingAccess.RequireHandle(await currentUser.GetPrincipalAsync(), await SupplierAsync(db, tool.SupplierId, cancellationToken));
        if (!PhotoExtensions.Contains(Path.GetExtension(fileName ?? "").ToLowerInvariant()))
        {
            throw new DomainException($"“{fileName}” is not a photo: attach a PNG or JPEG picture.");
        }

        var uploader = await ActorNameAsync();
        return await store.SaveAndRecordAsync(fileName!, content, async stored =>
        {
            var photo = tool.AddPhoto(stored.OriginalFileName, stored.StorageKey, stored.Sha256, stored.Length, stored.ContentType, uploader, time.UtcNow());
            await db.SaveOrConflictAsync(Conflict(tool.Tag), cancellationToken);
            return photo;
        }, cancellationToken);
    }

    private static async Task<Tool> LoadAsync(AppDbContext db, Guid id, Guid? version, CancellationToken cancellationToken)
    {
        var tool = await db.Tools.Include(t => t.Transfers).Include(t => t.Photos).AsSplitQuery().FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new DomainException("This tool is no longer in the register.");
        if (version is not null && tool.Version != version)
        {
            throw new ConcurrencyConflictException(Conflict(tool.Tag));
        }

        return tool;
    }

    private static Task<Supplier?> SupplierAsync(AppDbContext db, Guid? supplierId, CancellationToken cancellationToken) =>
        supplierId is { } id
            ? db.Suppliers.AsNoTracking().Include(s => s.Collaborators).Include(s => s.Sites).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            : Task.FromResult<Supplier?>(null);

    /// <summary>The place the picker's value names, and its supplier; a site that is not the supplier's is refused.</summary>
    private static async Task<(ToolPlace Place, Supplier? Supplier)> PlaceAsync(AppDbContext db, string? value, CancellationToken cancellationToken)
    {
        if (!ToolPlaceInput.TryParse(value, out var site) || site is not { } at)
        {
            return (ToolPlace.InHouse, null);
        }

        var supplier = await SupplierAsync(db, at.SupplierId, cancellationToken);
        var found = supplier?.Sites.FirstOrDefault(s => s.Id == at.SiteId)
            ?? throw new DomainException("This site is no longer in the register; choose the place again.");
        return (ToolPlace.AtSite(supplier, found), supplier);
    }

    private async Task<string> ActorNameAsync() => AppClaims.DisplayNameOf(await currentUser.GetPrincipalAsync());

    private static string Conflict(string tag) =>
        $"{tag} was changed by someone else after you opened it. Nothing was saved: reload the page to see where it is now, then try again.";
}
