using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.IpRights;

/// <summary>The register's CSV export; the use case checks the role, the app's fallback policy lets only signed-in users in.</summary>
internal static class IpRightEndpoints
{
    public const string ExportPath = "/ip-rights/export.csv";

    public static IEndpointRouteBuilder MapIpRightEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, ExportAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(HttpContext context, [FromServices] IpRightQueries queries, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            var rights = await queries.ListAsync(cancellationToken);
            // The register is confidential: no shared or browser cache keeps a copy.
            context.Response.Headers.CacheControl = "no-store";
            return Results.File(IpRightCsv.Write(rights), IpRightCsv.ContentType, $"ip-rights-{IsoDates.Day(time.GetUtcNow().UtcDateTime)}.csv");
        }
        catch (ForbiddenException e)
        {
            await context.RequestServices.GetRequiredService<AccessRefusals>().RecordAsync(e);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
    }
}
