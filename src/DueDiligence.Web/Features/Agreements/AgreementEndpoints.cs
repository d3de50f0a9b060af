using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Agreements;

/// <summary>
/// The signed copy of an agreement and the release ledger's CSV: for legal reviewers, executives and the supplier's
/// owner and collaborators, checked against the supplier the file belongs to; always as an attachment.
/// </summary>
internal static class AgreementEndpoints
{
    public static IEndpointRouteBuilder MapAgreementEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/suppliers/{supplierId:guid}/agreements/{agreementId:guid}/signed-copy", SignedCopyAsync).RequireAuthorization();
        endpoints.MapGet("/suppliers/{supplierId:guid}/file-releases.csv", ReleasesCsvAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> SignedCopyAsync(
        Guid supplierId, Guid agreementId, HttpContext context,
        [FromServices] IDbContextFactory<AppDbContext> dbFactory, [FromServices] CurrentUser currentUser, [FromServices] EvidenceStore store,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agreementId && a.SupplierId == supplierId, cancellationToken);
        var supplier = await db.Suppliers.AsNoTracking().Include(s => s.Collaborators).FirstOrDefaultAsync(s => s.Id == supplierId, cancellationToken);
        if (agreement?.SignedFile is not { } file || supplier is null)
        {
            return Results.NotFound();
        }

        if (!AgreementAccess.CanOpenFiles(await currentUser.GetPrincipalAsync(), supplier))
        {
            return Results.Forbid();
        }

        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(store.OpenRead(file.StorageKey), file.ContentType, file.OriginalFileName);
    }

    private static async Task<IResult> ReleasesCsvAsync(
        Guid supplierId, HttpContext context, [FromServices] ReleaseLedger ledger, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            var export = await ledger.ExportCsvAsync(supplierId, cancellationToken);
            if (export is not { } found)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(found.Content, ReleaseCsv.ContentType, ReleaseCsv.FileName(found.SupplierName, time.GetUtcNow().UtcDateTime));
        }
        catch (ForbiddenException)
        {
            return Results.Forbid();
        }
    }
}
