using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Admin.Audit;

/// <summary>The audit trail in the REST API: events, chain verification and a signed receipt, for administrators as on the audit log page.</summary>
internal static class AuditApiEndpoints
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/events", async ([AsParameters] AuditEventQuery query, [FromServices] AuditLog log, CancellationToken cancellationToken) =>
            {
                var page = await log.SearchAsync(query.ToFilter(), Math.Max(query.Skip ?? 0, 0), Math.Clamp(query.Limit ?? 100, 1, 1000), cancellationToken);
                return TypedResults.Ok(new AuditEventList(page.Total, [.. page.Events.Select(AuditEventResource.From)]));
            })
            .WithName("ListAuditEvents").WithSummary("Audit events, newest first, filtered like the audit log page")
            .RequireScope(ApiResource.Audit, ApiAccess.Read);

        audit.MapGet("/verification", async ([FromServices] AuditLog log, CancellationToken cancellationToken) =>
            {
                var result = await log.VerifyAsync(cancellationToken: cancellationToken);
                return TypedResults.Ok(new AuditVerificationResource(result.IsIntact, result.VerifiedCount, result.FirstBrokenEventId, result.Reason));
            })
            .WithName("VerifyAuditChain").WithSummary("Verifies the whole chain against the newest checkpoint")
            .RequireScope(ApiResource.Audit, ApiAccess.Read);

        audit.MapGet("/receipt", async ([FromServices] AuditLog log, CancellationToken cancellationToken) =>
                await log.IssueReceiptAsync(cancellationToken) is { } receipt
                    ? Results.Text(receipt.Json, "application/json")
                    : ApiErrors.Problem(StatusCodes.Status404NotFound, "No events", "The audit trail has no events to issue a receipt for."))
            .WithName("IssueAuditReceipt").WithSummary("A signed receipt of the chain's end, to verify against later")
            .RequireScope(ApiResource.Audit, ApiAccess.Read);
        return api;
    }
}

internal sealed class AuditEventQuery
{
    public string? EntityType { get; init; }

    public string? EntityKey { get; init; }

    public string? Actor { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    public int? Skip { get; init; }

    /// <summary>Events per page, 1 to 1000 (100 unless given).</summary>
    public int? Limit { get; init; }

    public AuditFilter ToFilter() => new() { EntityType = EntityType, EntityKey = EntityKey, Actor = Actor, FromUtc = From, ToUtc = To };
}

internal sealed record AuditEventList(int Total, IReadOnlyList<AuditEventResource> Events);

internal sealed record AuditEventResource(long Id, DateTime AtUtc, string Actor, string EntityType, string EntityKey, string Action, string Changes, string Hash)
{
    public static AuditEventResource From(AuditEvent e) =>
        new(e.Id, e.OccurredAtUtc, e.Actor, e.EntityType, e.EntityKey, e.Action.ToString(), e.Changes, e.Hash);
}

internal sealed record AuditVerificationResource(bool IsIntact, int VerifiedCount, long? FirstBrokenEventId, string? Reason);
