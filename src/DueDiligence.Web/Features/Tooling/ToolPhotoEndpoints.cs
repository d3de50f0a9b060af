using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Tooling;

/// <summary>
/// Tool photos, only through this endpoint and only for the roles that read the tooling register; the photo must belong
/// to the tool named in the address. Photos were checked to be PNG or JPEG by content when uploaded, so they are shown
/// inline as images (with nosniff, as every response); never cached by a shared cache.
/// </summary>
internal static class ToolPhotoEndpoints
{
    public static IEndpointRouteBuilder MapToolPhotoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/tooling/{toolId:guid}/photos/{photoId:guid}", PhotoAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> PhotoAsync(
        Guid toolId, Guid photoId, HttpContext context,
        [FromServices] IDbContextFactory<AppDbContext> dbFactory, [FromServices] CurrentUser currentUser, [FromServices] EvidenceStore store,
        CancellationToken cancellationToken)
    {
        if (!ToolingAccess.Readers.Any((await currentUser.GetPrincipalAsync()).IsInRole))
        {
            return Results.Forbid();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var photo = await db.Tools.AsNoTracking().Where(t => t.Id == toolId).SelectMany(t => t.Photos).Where(p => p.Id == photoId)
            .Select(p => new { p.StorageKey, p.ContentType }).FirstOrDefaultAsync(cancellationToken);
        if (photo is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(store.OpenRead(photo.StorageKey), photo.ContentType is "image/png" or "image/jpeg" ? photo.ContentType : "application/octet-stream");
    }
}
