using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// Findings and contract conditions in the REST API: lists with the filters of "My work" and the follow-up panel, one item
/// with its history, and its follow-up steps (start, complete, waive with a reason, reopen) through
/// <see cref="FollowUpAssessment"/>, so with the panel's rules. The ETag is the assessment's version: every step changes it.
/// </summary>
internal static class FollowUpApiEndpoints
{
    public static RouteGroupBuilder MapFollowUpApi(this RouteGroupBuilder api)
    {
        var findings = api.MapGroup("/findings").WithTags("Findings");
        findings.MapGet("/", async ([AsParameters] FollowUpListQuery<FindingStatus> query, [FromServices] FollowUpListQueries queries, CancellationToken cancellationToken) =>
                await ListAsync(query, (filter, after) => queries.FindingsAsync(filter, query.Status, after, query.Limit ?? 50, cancellationToken)))
            .WithName("ListFindings").WithSummary("Legal findings across assessments, filtered by assessment, supplier, status, owner=me and overdue (cursor)")
            .RequireScope(ApiResource.Findings, ApiAccess.Read);
        MapItem(findings, FollowUpKind.Finding);

        var conditions = api.MapGroup("/conditions").WithTags("Findings");
        conditions.MapGet("/", async ([AsParameters] FollowUpListQuery<ConditionStatus> query, [FromServices] FollowUpListQueries queries, CancellationToken cancellationToken) =>
                await ListAsync(query, (filter, after) => queries.ConditionsAsync(filter, query.Status, after, query.Limit ?? 50, cancellationToken)))
            .WithName("ListConditions").WithSummary("Contract conditions across assessments, filtered by assessment, supplier, status, owner=me and overdue (cursor)")
            .RequireScope(ApiResource.Findings, ApiAccess.Read);
        MapItem(conditions, FollowUpKind.Condition);
        return api;
    }

    private static void MapItem(RouteGroupBuilder group, FollowUpKind kind)
    {
        var noun = kind == FollowUpKind.Finding ? "finding" : "contract condition";
        group.MapGet("/{id:guid}", async (Guid id, HttpResponse response, [FromServices] FollowUpListQueries lists, [FromServices] AssessmentQueries assessments,
                CancellationToken cancellationToken) =>
            {
                var item = new FollowUpItem(kind, id);
                return await lists.AssessmentOfAsync(item, cancellationToken) is { } assessmentId
                    && await assessments.GetAsync(assessmentId, cancellationToken) is { } view
                    ? Found(response, view.Assessment, item)
                    : NotFound(noun);
            })
            .WithName($"Get{kind}").WithSummary($"One {noun} with its history; ETag is its assessment's version")
            .RequireScope(ApiResource.Findings, ApiAccess.Read);

        group.MapPost("/{id:guid}/status", async (Guid id, FollowUpStepRequest step, HttpRequest request, HttpResponse response,
                [FromServices] FollowUpListQueries lists, [FromServices] FollowUpAssessment followUp, CancellationToken cancellationToken) =>
            {
                var (version, problem) = ApiPreconditions.VersionFromIfMatch(request);
                if (problem is not null)
                {
                    return problem;
                }

                if (step.Step is not { } next || !Enum.IsDefined(next))
                {
                    return ApiErrors.Invalid(new Dictionary<string, string[]> { ["step"] = ["Name the step: Start, Complete, Waive (with a reason) or Reopen."] });
                }

                var item = new FollowUpItem(kind, id);
                if (await lists.AssessmentOfAsync(item, cancellationToken) is not { } assessmentId)
                {
                    return NotFound(noun);
                }

                var saved = await followUp.TakeStepAsync(assessmentId, item, next, step.Reason, null, version, cancellationToken);
                return Found(response, saved, item);
            })
            .WithName($"Change{kind}Status")
            .WithSummary($"Starts, completes, waives (with a reason) or reopens a {noun} of a decided assessment (the supplier's team and legal); needs If-Match")
            .RequireScope(ApiResource.Findings, ApiAccess.Write);
    }

    private static async Task<IResult> ListAsync<TStatus>(
        FollowUpListQuery<TStatus> query, Func<FollowUpFilter, Guid?, Task<(IReadOnlyList<FollowUpRow> Rows, Guid? Next)>> search)
        where TStatus : struct, Enum
    {
        if (query.Owner is not (null or "me"))
        {
            return ApiErrors.Invalid(new Dictionary<string, string[]> { ["owner"] = ["Only owner=me is offered: the items you own, as \"My work\" lists them."] });
        }

        Guid? after = null;
        if (query.Cursor is not null)
        {
            if (!ApiCursor.TryReadId(query.Cursor, out var id))
            {
                return ApiCursor.Invalid();
            }

            after = id;
        }

        var filter = new FollowUpFilter { AssessmentId = query.Assessment, SupplierId = query.Supplier, Mine = query.Owner == "me", Overdue = query.Overdue ?? false };
        var (rows, next) = await search(filter, after);
        return TypedResults.Ok(new FollowUpList([.. rows.Select(FollowUpListItem.From)], next is { } n ? ApiCursor.OfId(n) : null));
    }

    private static IResult Found(HttpResponse response, Assessment assessment, FollowUpItem item)
    {
        ApiPreconditions.SetETag(response, assessment.Version);
        return TypedResults.Ok(FollowUpResource.From(assessment, item));
    }

    private static IResult NotFound(string noun) => ApiErrors.Problem(StatusCodes.Status404NotFound, "Not found", $"There is no {noun} with this id.");
}

/// <summary>
/// A list's filters (query string): a finding's or a condition's status, and those both lists share. One class for both,
/// not a base class: the compiled request delegates bind only the properties a parameter's own type declares.
/// </summary>
internal sealed class FollowUpListQuery<TStatus>
    where TStatus : struct, Enum
{
    public Guid? Assessment { get; init; }

    public Guid? Supplier { get; init; }

    public TStatus? Status { get; init; }

    /// <summary>"me": only the items the token's user owns.</summary>
    public string? Owner { get; init; }

    /// <summary>Only those still open or in progress and due before today.</summary>
    public bool? Overdue { get; init; }

    /// <summary>The nextCursor of the previous page; none for the first.</summary>
    public string? Cursor { get; init; }

    /// <summary>Items per page, 1 to 500 (50 unless given).</summary>
    public int? Limit { get; init; }
}

/// <summary>A follow-up step: Start, Complete (met / resolved), Waive (with <see cref="Reason"/>) or Reopen.</summary>
internal sealed record FollowUpStepRequest(FollowUpStep? Step, string? Reason);

internal sealed record FollowUpList(IReadOnlyList<FollowUpListItem> Items, string? NextCursor);

internal sealed record FollowUpListItem(
    Guid Id, Guid AssessmentId, Guid SupplierId, string SupplierName, string Description, string Status, FindingSeverity? Severity,
    string Owner, bool OwnerIsUser, DateOnly? DueOn, bool Overdue)
{
    public static FollowUpListItem From(FollowUpRow r) => new(
        r.Id, r.AssessmentId, r.SupplierId, r.SupplierName, r.Description, r.Status, r.Severity, r.OwnerId is null ? $"Unassigned — was: {r.Owner}" : r.Owner,
        r.OwnerId is not null, r.DueOn, r.Overdue);
}

/// <summary>A finding or contract condition with its history; files of fulfilment are named, and opened on the assessment's page.</summary>
internal sealed record FollowUpResource(
    Guid Id, Guid AssessmentId, FollowUpKind Kind, string Description, string Status, FindingSeverity? Severity, string? RecommendedMitigation,
    string Owner, DateOnly? DueOn, string? WaiverReason, IReadOnlyList<FollowUpStepResource> History, IReadOnlyList<string> Files)
{
    public static FollowUpResource From(Assessment assessment, FollowUpItem item)
    {
        if (item.Kind == FollowUpKind.Finding)
        {
            var f = assessment.Findings.Single(x => x.Id == item.Id);
            return new(f.Id, assessment.Id, item.Kind, f.Description, f.Status.ToString(), f.Severity, f.RecommendedMitigation, f.OwnerLabel, f.DueOn,
                f.WaiverReason, [.. f.History.Select(FollowUpStepResource.From)], [.. f.Evidence.Select(e => e.OriginalFileName)]);
        }

        var c = assessment.Conditions.Single(x => x.Id == item.Id);
        return new(c.Id, assessment.Id, item.Kind, c.Description, c.Status.ToString(), null, null, c.OwnerLabel, c.DueOn,
            c.WaiverReason, [.. c.History.Select(FollowUpStepResource.From)], [.. c.Evidence.Select(e => e.OriginalFileName)]);
    }
}

internal sealed record FollowUpStepResource(RemediationAction Action, string? Note, string By, DateTime AtUtc)
{
    public static FollowUpStepResource From(RemediationStep s) => new(s.Action, s.Note, s.ByName, s.AtUtc);
}
