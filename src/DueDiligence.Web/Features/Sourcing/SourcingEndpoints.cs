using DueDiligence.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>
/// The partner-selection PDF download. The use case checks the role; the app's fallback policy sends anonymous users
/// to sign in first.
/// </summary>
internal static class SourcingEndpoints
{
    public static IEndpointRouteBuilder MapSourcingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sourcing/{id:guid}/report.pdf", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    private static Task<IResult> DownloadAsync(
        Guid id, HttpContext context, [FromServices] DownloadPartnerSelection download, CancellationToken cancellationToken) =>
        PdfDownload.ServeAsync(
            context,
            () => download.ExecuteAsync(id, cancellationToken),
            message => new RazorComponentResult<PartnerSelectionUnavailablePage>(new { Message = message, ProjectId = id })
            {
                StatusCode = StatusCodes.Status503ServiceUnavailable,
            });
}
