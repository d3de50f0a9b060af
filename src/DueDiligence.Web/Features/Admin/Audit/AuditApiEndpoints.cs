using System.Text.Json;
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
                TypedResults.Ok(AuditVerificationResource.From(await log.VerifyWithReceiptAsync(cancellationToken))))
            .WithName("VerifyAuditChain")
            .WithSummary("Verifies the whole chain against the newest checkpoint: intact or not, events, head event and hash, when; with a signed receipt when intact")
            .RequireScope(ApiResource.Audit, ApiAccess.Read);

        audit.MapGet("/export", async ([AsParameters] AuditExportQuery query, [FromServices] AuditLog log, CancellationToken cancellationToken) =>
            {
                if (query.Format is not (null or "jsonl" or "csv"))
                {
                    return ApiErrors.Invalid(new Dictionary<string, string[]> { ["format"] = ["Choose jsonl (JSON lines, the default) or csv."] });
                }

                var events = await log.ExportAsync(query.ToFilter(), cancellationToken);
                return query.Format == "csv"
                    ? Results.Stream(stream => AuditExport.WriteCsvAsync(events, stream, cancellationToken), "text/csv; charset=utf-8", "audit-events.csv")
                    : Results.Stream(stream => AuditExport.WriteJsonLinesAsync(events, stream, cancellationToken), "application/jsonl", "audit-events.jsonl");
            })
            .WithName("ExportAuditEvents")
            .WithSummary("Every matching event, oldest first, streamed as JSON lines or CSV with its hash chain fields; filtered by date range and record")
            .Produces(StatusCodes.Status200OK, contentType: "application/jsonl")
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

/// <summary>The export's filters (query string): the date range, the record (type and id) and the actor; CSV or JSON lines.</summary>
internal sealed class AuditExportQuery
{
    public string? EntityType { get; init; }

    public string? EntityKey { get; init; }

    public string? Actor { get; init; }

    /// <summary>From this moment (UTC), inclusive.</summary>
    public DateTime? From { get; init; }

    /// <summary>Before this moment (UTC).</summary>
    public DateTime? To { get; init; }

    /// <summary>jsonl (the default) or csv.</summary>
    public string? Format { get; init; }

    public AuditFilter ToFilter() => new() { EntityType = EntityType, EntityKey = EntityKey, Actor = Actor, FromUtc = From, ToUtc = To };
}

/// <summary>
/// The result of verifying the chain: intact or not, how many events verify, the head (last event, its MAC and rule version)
/// and when it was verified; when intact, <see cref="Receipt"/> is a receipt of that head signed with the chain key, which
/// the audit log page verifies later.
/// </summary>
internal sealed record AuditVerificationResource(
    bool IsIntact, int VerifiedCount, long? HeadEventId, string? HeadHash, int? ChainVersion, DateTime VerifiedAtUtc, long? FirstBrokenEventId,
    string? Reason, JsonElement? Receipt)
{
    public static AuditVerificationResource From(AuditVerificationReceipt r) => new(
        r.Verification.IsIntact, r.Verification.VerifiedCount, r.Verification.End?.EventId, r.Verification.End?.Mac, r.Verification.End?.ChainVersion,
        r.VerifiedAtUtc, r.Verification.FirstBrokenEventId, r.Verification.Reason, r.Receipt is null ? null : JsonDocument.Parse(r.Receipt).RootElement.Clone());
}
