using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Client.Assessments;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// What the analyst's wizard does, for the wizard in the browser (docs/adr/0012): read the draft with what scoring it
/// needs, save one answer, confirm a carried-forward section, submit. Each calls the use case the server's wizard calls,
/// so with the same role and record rules and the same audit events.
/// </summary>
internal static class DraftEndpoints
{
    public static RouteGroupBuilder MapDraftEndpoints(this RouteGroupBuilder pageApi)
    {
        var draft = pageApi.MapGroup("/assessments/{id:guid}/draft");
        draft.MapGet("/", ReadAsync);
        draft.MapPut("/answers/{code}", SaveAnswerAsync);
        draft.MapPost("/sections/{code}/confirmation", async (Guid id, string code, [FromServices] ConfirmCarriedSection confirm, CancellationToken cancellationToken) =>
            TypedResults.Ok((await confirm.ExecuteAsync(id, code, cancellationToken)).ToCopy()));
        draft.MapPost("/submission", async (Guid id, [FromServices] SubmitAssessment submit, CancellationToken cancellationToken) =>
        {
            await submit.ExecuteAsync(id, cancellationToken: cancellationToken);
            return TypedResults.NoContent();
        });
        return pageApi;
    }

    private static async Task<IResult> ReadAsync(Guid id, [FromServices] AssessmentQueries queries, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        var view = await queries.GetAsync(id, cancellationToken);
        if (view is null)
        {
            return TypedResults.Problem(detail: "This assessment does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        AssessmentAccess.Require(view.Can.EditAnswers, $"{AssessmentAccess.WorkersOnly} answers it, while it is a draft.");
        return TypedResults.Ok(new DraftScreen(
            view.Assessment.ToDraftCopy(), view.Supplier.MaxSensitivity, [.. view.Countries.Select(c => new CountryLine(c.Jurisdiction.Name, c.Risk))], time.Today()));
    }

    private static async Task<IResult> SaveAnswerAsync(Guid id, string code, AnswerSave save, [FromServices] AnswerQuestion answers, CancellationToken cancellationToken)
    {
        if (!string.Equals(save.Answer.QuestionCode, code, StringComparison.Ordinal))
        {
            return TypedResults.Problem(detail: $"The answer is to {save.Answer.QuestionCode}, not to {code}.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid input");
        }

        return TypedResults.Ok(await answers.ExecuteAsync(id, save.Answer, save.Version, cancellationToken));
    }
}
