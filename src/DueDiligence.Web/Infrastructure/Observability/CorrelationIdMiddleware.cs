using System.Diagnostics;

namespace DueDiligence.Web.Infrastructure.Observability;

/// <summary>
/// One correlation id per request: the caller's <c>X-Correlation-Id</c> when it is well formed (1–64 letters, digits,
/// '.', '_' or '-'), otherwise a new one. It is answered in the response's <c>X-Correlation-Id</c>, put in the log scope
/// of every line written for the request (<c>CorrelationId</c>) and tagged on the request's span.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";
    public const string ScopeKey = "CorrelationId";
    private const int LongestId = 64;

    public async Task InvokeAsync(HttpContext context)
    {
        var id = WellFormed(context.Request.Headers[HeaderName].ToString()) ?? NewId();
        // At the start of the response: an error page clears the headers set before it.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("duediligence.correlation_id", id);
        using (logger.BeginScope(new LogScope(ScopeKey, id)))
        {
            await next(context);
        }
    }

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>The id as given when it is one a log line can carry safely; null for anything else (long, spaces, control characters).</summary>
    public static string? WellFormed(string? id) =>
        id is { Length: > 0 and <= LongestId } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') ? id : null;
}
