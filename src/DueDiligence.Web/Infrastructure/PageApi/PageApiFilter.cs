using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace DueDiligence.Web.Infrastructure.PageApi;

/// <summary>
/// Around every page API endpoint: refuses a change without a valid antiforgery token (400), and turns the use cases'
/// refusals into problem details whose detail is the message a page shows — 403 for role or record, 400 for invalid
/// input or a refused file (413 when too large), 409 when someone else changed the record or for a rule of the domain,
/// 422 (with the items) for a submission that still misses work. The HTML status pages never answer here.
/// </summary>
public sealed class PageApiFilter(IAntiforgery antiforgery, AccessRefusals refusals) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        if (!HttpMethods.IsGet(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http))
        {
            return Problem(StatusCodes.Status400BadRequest, "Antiforgery token missing",
                "The page's security token is missing or out of date; reload the page and try again.");
        }

        try
        {
            return await next(context);
        }
        catch (ForbiddenException e)
        {
            await refusals.RecordAsync(e);
            return Problem(StatusCodes.Status403Forbidden, "Not allowed", e.Message);
        }
        catch (ValidationException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid input", string.Join(" ", e.Errors.Select(f => f.ErrorMessage).Distinct()));
        }
        catch (ConcurrencyConflictException e)
        {
            return Problem(StatusCodes.Status409Conflict, "Changed by someone else", e.Message);
        }
        catch (StaleAnswerException e)
        {
            return Problem(StatusCodes.Status409Conflict, "Changed by someone else", e.Message);
        }
        catch (EvidenceRejectedException e)
        {
            return Problem(e.Reason == EvidenceRejectionReason.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, "File refused", e.Message);
        }
        catch (SubmissionIncompleteException e)
        {
            return TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Work still missing",
                extensions: new Dictionary<string, object?> { ["missing"] = e.Missing });
        }
        catch (DomainException e)
        {
            return Problem(StatusCodes.Status409Conflict, "Refused by a rule", e.Message);
        }
    }

    private static IResult Problem(int status, string title, string detail) => TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
