using DueDiligence.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Assessments.RiskSummary;

/// <summary>The executive risk summary PDF in the REST API: the same use case, and so the same access, as the page's download.</summary>
internal static class RiskSummaryApiEndpoints
{
    public static RouteGroupBuilder MapRiskSummaryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/assessments/{id:guid}/report.pdf", (Guid id, HttpResponse response, [FromServices] DownloadRiskSummary download, CancellationToken cancellationToken) =>
                ApiFiles.PdfAsync(response, () => download.ExecuteAsync(id, cancellationToken), "There is no assessment with this id."))
            .WithTags("Reports").WithName("DownloadRiskSummary").WithSummary("The executive risk summary of an assessment (PDF; DRAFT until decided)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .RequireScope(ApiResource.Reports, ApiAccess.Read);
        return api;
    }
}
