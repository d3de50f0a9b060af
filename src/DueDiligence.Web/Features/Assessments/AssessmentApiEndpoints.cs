using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// Assessments in the REST API — list, read with the score and its snapshots, start, workflow status, submit, and the
/// decision — through the same queries and use cases as the assessment pages, so with the same role and record rules.
/// </summary>
internal static class AssessmentApiEndpoints
{
    public static RouteGroupBuilder MapAssessmentApi(this RouteGroupBuilder api)
    {
        var assessments = api.MapGroup("/assessments").WithTags("Assessments");

        assessments.MapGet("/", async ([AsParameters] AssessmentListQuery query, [FromServices] AssessmentListQueries queries, CancellationToken cancellationToken) =>
            {
                AssessmentCursor? after = null;
                if (query.Cursor is not null)
                {
                    if (!ApiCursor.TryReadTimeAndId(query.Cursor, out var at, out var id))
                    {
                        return ApiCursor.Invalid();
                    }

                    after = new AssessmentCursor(at, id);
                }

                var (rows, next) = await queries.SearchAfterAsync(query.Supplier, query.Status, after, query.Limit ?? 50, cancellationToken);
                return TypedResults.Ok(new AssessmentList(
                    [.. rows.Select(AssessmentListItem.From)], next is { } n ? ApiCursor.OfTimeAndId(n.CreatedAtUtc, n.Id) : null));
            })
            .WithName("ListAssessments").WithSummary("Assessments, newest first, filtered by supplier and status, a page at a time (cursor)")
            .RequireScope(ApiResource.Assessments, ApiAccess.Read);

        assessments.MapGet("/{id:guid}", async (Guid id, HttpResponse response, [FromServices] AssessmentQueries queries, CancellationToken cancellationToken) =>
                await queries.GetAsync(id, cancellationToken) is { } view ? Found(response, view, AssessmentResource.From(view)) : NotFound())
            .WithName("GetAssessment").WithSummary("An assessment with its score (live until decided) and its score snapshots; ETag is its version")
            .RequireScope(ApiResource.Assessments, ApiAccess.Read);

        assessments.MapPost("/", async (StartAssessmentRequest request, HttpResponse response, [FromServices] StartAssessment start,
                [FromServices] AssessmentQueries queries, CancellationToken cancellationToken) =>
            {
                if (!request.Reassess && request.QuestionnaireId is null)
                {
                    return ApiErrors.Invalid(new Dictionary<string, string[]>
                    {
                        ["questionnaireId"] = ["Choose a published questionnaire (GET /api/v1/questionnaires), or set reassess to start from the last decided assessment."],
                    });
                }

                var id = request.Reassess
                    ? await start.ReassessAsync(request.SupplierId, cancellationToken)
                    : await start.ExecuteAsync(request.SupplierId, request.QuestionnaireId!.Value, cancellationToken);
                var view = (await queries.GetAsync(id, cancellationToken))!;
                ApiPreconditions.SetETag(response, view.Assessment.Version);
                return TypedResults.Created($"{ApiSetup.BasePath}/assessments/{id}", AssessmentResource.From(view));
            })
            .WithName("StartAssessment").WithSummary("Starts an assessment of a supplier (its owner or a collaborator), or a reassessment from its last decision")
            .RequireScope(ApiResource.Assessments, ApiAccess.Write);

        assessments.MapGet("/{id:guid}/status", async (Guid id, HttpResponse response, [FromServices] AssessmentQueries queries, CancellationToken cancellationToken) =>
                await queries.GetAsync(id, cancellationToken) is { } view ? Found(response, view, AssessmentStatusResource.From(view)) : NotFound())
            .WithName("GetAssessmentStatus").WithSummary("Where the assessment is in the workflow, its history, what is missing before submission and what you may do")
            .RequireScope(ApiResource.Assessments, ApiAccess.Read);

        assessments.MapPost("/{id:guid}/submit", async (Guid id, HttpRequest request, HttpResponse response, [FromServices] SubmitAssessment submit,
                [FromServices] AssessmentQueries queries, CancellationToken cancellationToken) =>
            {
                var (version, problem) = ApiPreconditions.VersionFromIfMatch(request);
                if (problem is not null)
                {
                    return problem;
                }

                if (await queries.GetAsync(id, cancellationToken) is null)
                {
                    return NotFound();
                }

                try
                {
                    await submit.ExecuteAsync(id, version, cancellationToken);
                }
                catch (SubmissionIncompleteException e)
                {
                    return TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status409Conflict, title: "Not complete",
                        extensions: new Dictionary<string, object?> { ["missing"] = e.Missing.Select(MissingResource.From).ToList() });
                }

                var view = (await queries.GetAsync(id, cancellationToken))!;
                return Found(response, view, AssessmentStatusResource.From(view));
            })
            .WithName("SubmitAssessment").WithSummary("Hands a complete draft to legal review (the analysts who work on it); needs If-Match")
            .RequireScope(ApiResource.Assessments, ApiAccess.Write);

        assessments.MapGet("/{id:guid}/decision", async (Guid id, [FromServices] AssessmentQueries queries, CancellationToken cancellationToken) =>
                await queries.GetAsync(id, cancellationToken) is not { } view ? NotFound()
                : view.Assessment.Decision is null
                    ? ApiErrors.Problem(StatusCodes.Status404NotFound, "Not decided", $"This assessment is not decided yet: it is {view.Assessment.Status}.")
                    : TypedResults.Ok(DecisionResource.From(view.Assessment)))
            .WithTags("Decisions").WithName("GetDecision").WithSummary("The decision on an assessment, with every executive's sign-off and legal's opinion")
            .RequireScope(ApiResource.Findings, ApiAccess.Read);

        api.MapGet("/questionnaires", async ([FromServices] AssessmentQueries queries, CancellationToken cancellationToken) =>
                TypedResults.Ok((await queries.PublishedQuestionnairesAsync(cancellationToken)).Select(q => new QuestionnaireResource(q.Id, q.Label))))
            .WithTags("Assessments").WithName("ListQuestionnaires").WithSummary("The published questionnaire versions an assessment can start on")
            .RequireScope(ApiResource.Assessments, ApiAccess.Read);

        return api;
    }

    private static IResult Found<T>(HttpResponse response, AssessmentView view, T resource)
    {
        ApiPreconditions.SetETag(response, view.Assessment.Version);
        return TypedResults.Ok(resource);
    }

    private static IResult NotFound() => ApiErrors.Problem(StatusCodes.Status404NotFound, "Not found", "There is no assessment with this id.");
}

/// <summary>The assessment list's filters (query string).</summary>
internal sealed class AssessmentListQuery
{
    /// <summary>Only the assessments of this supplier.</summary>
    public Guid? Supplier { get; init; }

    public AssessmentStatus? Status { get; init; }

    /// <summary>The nextCursor of the previous page; none for the first.</summary>
    public string? Cursor { get; init; }

    /// <summary>Assessments per page, 1 to 500 (50 unless given).</summary>
    public int? Limit { get; init; }
}

/// <summary>What starts an assessment: the supplier and a published questionnaire, or <see cref="Reassess"/> from its last decision.</summary>
internal sealed record StartAssessmentRequest(Guid SupplierId, Guid? QuestionnaireId, bool Reassess = false);

internal sealed record QuestionnaireResource(Guid Id, string Label);
