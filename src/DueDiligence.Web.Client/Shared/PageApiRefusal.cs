using System.Net;

namespace DueDiligence.Web.Client.Shared;

/// <summary>
/// The server refused what a browser component asked of the page API: <see cref="Exception.Message"/> is the sentence
/// the page shows (the problem's detail), as the server's own pages would say it.
/// </summary>
public sealed class PageApiRefusal(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
