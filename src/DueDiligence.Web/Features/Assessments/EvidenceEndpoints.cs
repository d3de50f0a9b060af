using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// Evidence downloads — answer evidence and evidence that a condition or finding was fulfilled: only through this
/// endpoint, only for the owning analyst, legal reviewers and executives,
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
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Evidence).Include(a => a.Conditions).Include(a => a.Findings).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
        var evidence = assessment is null ? null : FileOf(assessment, evidenceId);
        if (assessment is null || evidence is null)
        {
            return Results.NotFound();
        }

        if (!AssessmentAccess.CanOpenEvidence(await currentUser.GetPrincipalAsync(), assessment, await AssessmentAccess.SupplierTeamAsync(db, assessment, cancellationToken)))
        {
            return Results.Forbid();
        }

        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(store.OpenRead(evidence.Value.StorageKey), evidence.Value.ContentType, evidence.Value.OriginalFileName);
    }

    private static (string StorageKey, string ContentType, string OriginalFileName)? FileOf(Domain.Assessments.Assessment assessment, Guid id) =>
        assessment.Evidence.Where(e => e.Id == id).Select(e => (e.StorageKey, e.ContentType, e.OriginalFileName))
            .Concat(assessment.Conditions.SelectMany(c => c.Evidence).Concat(assessment.Findings.SelectMany(f => f.Evidence))
                .Where(e => e.Id == id).Select(e => (e.StorageKey, e.ContentType, e.OriginalFileName)))
            .Cast<(string, string, string)?>()
            .FirstOrDefault();
}
