using DueDiligence.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>Sourcing projects in the REST API, through the same queries as the pages.</summary>
internal static class SourcingApiEndpoints
{
    public static RouteGroupBuilder MapSourcingApi(this RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/sourcing-projects").WithTags("Sourcing");
        projects.MapGet("/", async ([FromServices] SourcingQueries queries, CancellationToken cancellationToken) =>
                TypedResults.Ok((await queries.ListAsync(cancellationToken)).Select(p => new SourcingProjectResource(
                    p.Id, p.Name, p.Need, p.Status.ToString(), p.Candidates, p.ChosenPartner, p.OwnerName, p.CreatedAtUtc, p.DecidedAtUtc))))
            .WithName("ListSourcingProjects").WithSummary("Every sourcing project, newest first")
            .RequireScope(ApiResource.Sourcing, ApiAccess.Read);

        api.MapGet("/sourcing-projects/{id:guid}/report.pdf", (Guid id, HttpResponse response, [FromServices] DownloadPartnerSelection download, CancellationToken cancellationToken) =>
                ApiFiles.PdfAsync(response, () => download.ExecuteAsync(id, cancellationToken), "There is no sourcing project with this id."))
            .WithTags("Reports").WithName("DownloadPartnerSelection").WithSummary("The partner-selection report of a sourcing project (PDF)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .RequireScope(ApiResource.Reports, ApiAccess.Read);
        return api;
    }
}

internal sealed record SourcingProjectResource(
    Guid Id, string Name, string Need, string Status, int Candidates, string? ChosenPartner, string Owner, DateTime CreatedAtUtc, DateTime? DecidedAtUtc);
