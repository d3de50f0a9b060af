using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// Evidence downloads: only through this endpoint, only for the owning analyst, legal reviewers and executives,
/// always as an attachment (and with nosniff, as every response: SecurityHeaders), so that no uploaded file is ever
/// rendered by the browser as a page.
/// </summary>
internal static class EvidenceEndpoints
{
    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assessments/{assessmentId:guid}/evidence/{evidenceId:guid}", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        Guid assessmentId, Guid evidenceId, HttpContext context,
        [FromServices] IDbContextFactory<AppDbContext> dbFactory, [FromServices] CurrentUser currentUser, [FromServices] EvidenceStore store,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Evidence)
            .FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
        var evidence = assessment?.Evidence.FirstOrDefault(e => e.Id == evidenceId);
        if (assessment is null || evidence is null)
        {
            return Results.NotFound();
        }

        if (!AssessmentAccess.CanOpenEvidence(await currentUser.GetPrincipalAsync(), assessment, await AssessmentAccess.SupplierTeamAsync(db, assessment, cancellationToken)))
        {
            return Results.Forbid();
        }

        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(store.OpenRead(evidence.StorageKey), evidence.ContentType, evidence.OriginalFileName);
    }
}
