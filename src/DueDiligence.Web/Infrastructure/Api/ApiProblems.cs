namespace DueDiligence.Web.Infrastructure.Api;

/// <summary>Problem details (RFC 9457) as every API error is written: a title, the status and a sentence saying what to do.</summary>
public static class ApiProblems
{
    public static Task Write(HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
}
