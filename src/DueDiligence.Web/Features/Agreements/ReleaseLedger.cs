using System.Buffers;
using System.Security.Cryptography;
using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Agreements;

/// <summary>
/// The ledger of files released to a supplier. The SHA-256 is entered, or computed while the file streams past (the
/// file itself is not kept, unless the user asks to keep a copy as evidence: then it goes through the evidence checks).
/// Legal reviewers and the supplier's owner and collaborators record releases; the approver is a legal reviewer or an executive.
/// </summary>
public sealed class ReleaseLedger(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, EvidenceStore store, AgreementQueries queries, TimeProvider time)
{
    /// <summary>The largest file whose SHA-256 the app computes without keeping it.</summary>
    public const long MaxHashedBytes = 2L * 1024 * 1024 * 1024;

    /// <param name="file">The file released, to compute its SHA-256 (and keep it when <paramref name="keepCopy"/>); null when the hash is entered.</param>
    public async Task<FileRelease> RecordAsync(
        Guid supplierId, ReleaseInput input, Stream? file, bool keepCopy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await currentUser.RequireAnyRoleAsync(AgreementAccess.Editors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supplier = await db.Suppliers.AsNoTracking().Include(s => s.Collaborators).FirstOrDefaultAsync(s => s.Id == supplierId, cancellationToken)
            ?? throw new DomainException("This supplier no longer exists.");
        AgreementAccess.RequireEdit(await currentUser.GetPrincipalAsync(), supplier, $"record file releases to {supplier.LegalName}");
        if (input.AgreementId is { } agreementId && !await db.Agreements.AnyAsync(a => a.Id == agreementId && a.SupplierId == supplierId, cancellationToken))
        {
            throw new DomainException($"The agreement chosen is not one of {supplier.LegalName}'s.");
        }

        var approver = (await AgreementQueries.ApproversAsync(db, cancellationToken)).FirstOrDefault(a => a.Id == input.ApprovedById)
            ?? throw new DomainException("Choose who approved the release: a legal reviewer or an executive whose account is active.");
        if (file is null && string.IsNullOrWhiteSpace(input.Sha256))
        {
            throw new DomainException("Enter the file's SHA-256, or choose the file so that the app computes it.");
        }

        if (file is null && keepCopy)
        {
            throw new DomainException("Choose the file to keep a copy of it as evidence.");
        }

        var releasedOn = input.ReleasedOn is { } on ? DateOnly.FromDateTime(on) : throw new DomainException("Give the date the files were released.");
        var details = new ReleaseDetails(
            input.FileName, "", input.AssetKind, input.Sensitivity, releasedOn, approver.Id, approver.Name, input.AgreementId,
            input.ReturnOrDestroyBy is { } due ? DateOnly.FromDateTime(due) : null);
        var by = await currentUser.GetActorNameAsync();
        if (file is null)
        {
            return await SaveAsync(db, new FileRelease(supplierId, details with { Sha256 = input.Sha256! }, by, time.Today(), time.UtcNow()), cancellationToken);
        }

        if (!keepCopy)
        {
            var computed = await HashAsync(file, cancellationToken);
            return await SaveAsync(db, new FileRelease(supplierId, details with { Sha256 = Matching(input.Sha256, computed) }, by, time.Today(), time.UtcNow()), cancellationToken);
        }

        try
        {
            return await store.SaveAndRecordAsync(input.FileName, file, async stored =>
            {
                var release = new FileRelease(supplierId, details with { Sha256 = Matching(input.Sha256, stored.Sha256) }, by, time.Today(), time.UtcNow());
                release.KeepCopy(stored.StorageKey);
                return await SaveAsync(db, release, cancellationToken);
            }, cancellationToken);
        }
        catch (EvidenceRejectedException e)
        {
            throw new DomainException($"{e.Message} Record the release without keeping a copy: its SHA-256 is computed all the same.");
        }
    }

    public async Task ConfirmReturnedAsync(Guid releaseId, DateOnly returnedOn, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AgreementAccess.Editors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var release = await db.FileReleases.FirstOrDefaultAsync(r => r.Id == releaseId, cancellationToken)
            ?? throw new DomainException("This release no longer exists.");
        var supplier = await db.Suppliers.AsNoTracking().Include(s => s.Collaborators).FirstAsync(s => s.Id == release.SupplierId, cancellationToken);
        AgreementAccess.RequireEdit(await currentUser.GetPrincipalAsync(), supplier, $"confirm returns from {supplier.LegalName}");
        release.ConfirmReturned(returnedOn, time.Today());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The ledger as CSV, for legal, executives and the supplier's team; null when the supplier does not exist.</summary>
    public async Task<(string SupplierName, byte[] Content)?> ExportCsvAsync(Guid supplierId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AgreementAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supplier = await AgreementQueries.LoadSupplierAsync(db, supplierId, cancellationToken);
        if (supplier is null)
        {
            return null;
        }

        if (!AgreementAccess.CanOpenFiles(await currentUser.GetPrincipalAsync(), supplier))
        {
            throw new ForbiddenException("Only legal reviewers, executives and the supplier's owner and collaborators export its release ledger.");
        }

        var rows = await queries.RowsAsync(db, supplierId, await AgreementQueries.AgreementsOfAsync(db, supplierId, cancellationToken), cancellationToken);
        return (supplier.LegalName, ReleaseCsv.Write(rows));
    }

    private static async Task<FileRelease> SaveAsync(AppDbContext db, FileRelease release, CancellationToken cancellationToken)
    {
        db.FileReleases.Add(release);
        await db.SaveChangesAsync(cancellationToken);
        return release;
    }

    /// <summary>When both are given, the entered hash must be the file's: a mismatch means the wrong file or a typo.</summary>
    private static string Matching(string? entered, string computed)
    {
        if (!string.IsNullOrWhiteSpace(entered) && FileRelease.NormaliseSha256(entered) != computed)
        {
            throw new DomainException($"The SHA-256 entered does not match the file chosen (its SHA-256 is {computed}): check that it is the file released.");
        }

        return computed;
    }

    private static async Task<string> HashAsync(Stream file, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(80 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxHashedBytes)
                {
                    throw new DomainException("The file is larger than 2 GB: compute its SHA-256 on your computer (e.g. sha256sum) and enter it.");
                }

                hash.AppendData(buffer, 0, read);
            }

            return total == 0 ? throw new DomainException("The file chosen is empty.") : Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
