using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>
/// The partner-selection PDF download. The use case checks the role; the app's fallback policy sends anonymous users
/// to sign in first.
/// </summary>
public static class SourcingEndpoints
{
    public static IEndpointRouteBuilder MapSourcingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sourcing/{id:guid}/report.pdf", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        Guid id, HttpContext context, [FromServices] DownloadPartnerSelection download, CancellationToken cancellationToken)
    {
        PartnerSelectionPdf? report;
        try
        {
            report = await download.ExecuteAsync(id, cancellationToken);
        }
        catch (ForbiddenException)
        {
            // An empty 403: the status pages render it as the friendly "no access" page.
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (PdfUnavailableException ex)
        {
            return new RazorComponentResult<PartnerSelectionUnavailablePage>(new { ex.Message, ProjectId = id })
            {
                StatusCode = StatusCodes.Status503ServiceUnavailable,
            };
        }

        if (report is null)
        {
            return Results.NotFound();
        }

        // The comparison is confidential: no shared or browser cache keeps a copy.
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(report.Content, "application/pdf", report.FileName);
    }
}
