using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Reports;

/// <summary>
/// Report downloads. Each one checks the role and the user's relation to the record in its use case; the app's fallback
/// policy sends anonymous users to sign in first.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assessments/{id:guid}/report.pdf", DownloadRiskSummaryAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> DownloadRiskSummaryAsync(
        Guid id, HttpContext context, [FromServices] DownloadRiskSummary download, CancellationToken cancellationToken)
    {
        RiskSummaryPdf? report;
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
            return new RazorComponentResult<ReportUnavailablePage>(new { ex.Message, AssessmentId = id })
            {
                StatusCode = StatusCodes.Status503ServiceUnavailable,
            };
        }

        if (report is null)
        {
            return Results.NotFound();
        }

        // A risk summary is confidential: no shared or browser cache keeps a copy.
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{report.FileName}\"";
        return Results.File(report.Content, "application/pdf");
    }
}
