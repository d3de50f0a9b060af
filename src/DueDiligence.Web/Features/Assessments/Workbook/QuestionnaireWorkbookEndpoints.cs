using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Assessments.Workbook;

/// <summary>
/// The questionnaire workbook download: GET /assessments/{id}/questionnaire.xlsx, with ?invitation={id} for an
/// invitation's sections or ?section=DS&amp;section=IP for chosen ones. The use case checks role and record.
/// </summary>
internal static class QuestionnaireWorkbookEndpoints
{
    public static IEndpointRouteBuilder MapQuestionnaireWorkbookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assessments/{assessmentId:guid}/questionnaire.xlsx", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        Guid assessmentId, [FromQuery] Guid? invitation, [FromQuery(Name = "section")] string[]? sections, HttpContext context,
        [FromServices] QuestionnaireWorkbook workbook, CancellationToken cancellationToken)
    {
        try
        {
            var file = await workbook.DownloadAsync(assessmentId, invitation, sections, cancellationToken);
            // The answers are confidential: no shared or browser cache keeps a copy.
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Content, WorkbookLayout.ContentType, file.FileName);
        }
        catch (ForbiddenException e)
        {
            await context.RequestServices.GetRequiredService<AccessRefusals>().RecordAsync(e);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (DomainException e)
        {
            return Results.Text(e.Message, "text/plain", statusCode: StatusCodes.Status409Conflict);
        }
    }
}
