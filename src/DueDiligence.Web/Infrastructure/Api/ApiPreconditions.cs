using Microsoft.Net.Http.Headers;

namespace DueDiligence.Web.Infrastructure.Api;

/// <summary>
/// <c>ETag</c> and <c>If-Match</c> over a record's concurrency token: an update must name the version the client read
/// (428 without it), and is refused with 412 when the record changed since (the use case compares the versions).
/// </summary>
public static class ApiPreconditions
{
    public static string ETagOf(Guid version) => $"\"{version:N}\"";

    public static void SetETag(HttpResponse response, Guid version) => response.Headers.ETag = ETagOf(version);

    /// <summary>The version the client read, or the problem to answer with instead.</summary>
    public static (Guid? Version, IResult? Problem) VersionFromIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return (null, ApiErrors.Problem(StatusCodes.Status428PreconditionRequired, "If-Match required",
                "Send If-Match with the ETag of the record as you read it, so that a change made meanwhile is not overwritten."));
        }

        return EntityTagHeaderValue.TryParse(header.Trim(), out var tag) && !tag.IsWeak
            && Guid.TryParseExact(tag.Tag.AsSpan().Trim('"'), "N", out var version)
            ? (version, null)
            : (null, ApiErrors.Problem(StatusCodes.Status412PreconditionFailed, "Changed since read",
                "If-Match does not name a version of this record. Read the record again and send its ETag."));
    }
}
