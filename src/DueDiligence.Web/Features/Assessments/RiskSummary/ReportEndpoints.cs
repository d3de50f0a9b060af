using DueDiligence.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Assessments.RiskSummary;

/// <summary>
/// Report downloads. Each one checks the role and the user's relation to the record in its use case; the app's fallback
/// policy sends anonymous users to sign in first.
/// </summary>
internal static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assessments/{id:guid}/report.pdf", DownloadRiskSummaryAsync).RequireAuthorization();
        return endpoints;
    }

    private static Task<IResult> DownloadRiskSummaryAsync(
        Guid id, HttpContext context, [FromServices] DownloadRiskSummary download, CancellationToken cancellationToken) =>
        PdfDownload.ServeAsync(
            context,
            () => download.ExecuteAsync(id, cancellationToken),
            message => new RazorComponentResult<ReportUnavailablePage>(new { Message = message, AssessmentId = id })
            {
                StatusCode = StatusCodes.Status503ServiceUnavailable,
            });
}
