using System.Text;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>GET /admin/templates/{id}/export.json: a version as a downloadable file, for administrators.</summary>
internal static class TemplateExportEndpoint
{
    public static IEndpointRouteBuilder MapTemplateExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/templates/{id:guid}/export.json", async (Guid id, [FromServices] TemplateQueries queries, [FromServices] AccessRefusals refusals, CancellationToken cancellationToken) =>
        {
            TemplateExport? export;
            try
            {
                // The use case checks the role again: the endpoint's policy is not the only guard.
                export = await queries.ExportAsync(id, cancellationToken);
            }
            catch (ForbiddenException e)
            {
                await refusals.RecordAsync(e);
                return Results.Forbid();
            }

            return export is null
                ? Results.NotFound()
                : Results.File(Encoding.UTF8.GetBytes(export.Json), "application/json", export.FileName);
        }).RequireAuthorization(new AuthorizeAttribute { Roles = AppRoles.Admin });
        return endpoints;
    }
}
