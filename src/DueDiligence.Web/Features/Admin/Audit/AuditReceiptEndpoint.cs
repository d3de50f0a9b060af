using System.Text;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Admin.Audit;

/// <summary>GET /admin/audit/receipt.json: a signed receipt of the audit chain as it ends now, for administrators.</summary>
internal static class AuditReceiptEndpoint
{
    public static IEndpointRouteBuilder MapAuditReceipt(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/audit/receipt.json", async ([FromServices] AuditLog audit, [FromServices] AccessRefusals refusals, CancellationToken cancellationToken) =>
        {
            try
            {
                // The use case checks the role again: the endpoint's policy is not the only guard.
                return await audit.IssueReceiptAsync(cancellationToken) is { } receipt
                    ? Results.File(Encoding.UTF8.GetBytes(receipt.Json), "application/json", receipt.FileName)
                    : Results.NotFound();
            }
            catch (ForbiddenException e)
            {
                await refusals.RecordAsync(e);
                return Results.Forbid();
            }
        }).RequireAuthorization(new AuthorizeAttribute { Roles = AppRoles.Admin });
        return endpoints;
    }
}
