using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;

namespace DueDiligence.Web.Infrastructure.Api;

/// <summary>
/// Around every API endpoint: refuses a token without the endpoint's scope, and turns the use cases' refusals into
/// problem details (RFC 9457) — 403 for a refusal of role or record, 400 with field errors for invalid input, 412 when
/// the record changed since the client read it, 409 for a rule of the domain. The HTML status pages never answer here.
/// </summary>
public sealed class ApiErrors(AccessRefusals refusals) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        var scope = http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>();
        if (scope is null || !ApiScopes.Allows(http.User, scope.Resource, scope.Access))
        {
            return Problem(StatusCodes.Status403Forbidden, "Scope missing",
                scope is null
                    ? "This endpoint names no scope, so no token may call it."
                    : $"This token does not have the scope {scope.Name}. Create a token with it under your account's API tokens.");
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
            return Invalid(e.Errors.GroupBy(error => error.PropertyName).ToDictionary(g => g.Key, g => g.Select(error => error.ErrorMessage).Distinct().ToArray()));
        }
        catch (ConcurrencyConflictException e)
        {
            return Problem(StatusCodes.Status412PreconditionFailed, "Changed since read", e.Message);
        }
        catch (DomainException e)
        {
            return Problem(StatusCodes.Status409Conflict, "Refused by a rule", e.Message);
        }
    }

    /// <summary>400 with the errors of each field, keyed by the field's name.</summary>
    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "The request has invalid fields; see errors.", title: "Invalid input");

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
