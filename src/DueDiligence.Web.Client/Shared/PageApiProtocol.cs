using System.Text.Json;
using System.Text.Json.Serialization;

namespace DueDiligence.Web.Client.Shared;

/// <summary>What the server's page API and the browser's components agree on (docs/architecture.md, Infrastructure/PageApi).</summary>
public static class PageApiProtocol
{
    /// <summary>Web defaults (camelCase) and choices by name, as the server's HTTP JSON options write them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The header every change carries the page's antiforgery token in (ASP.NET Core antiforgery's default name).</summary>
    public const string TokenHeader = "RequestVerificationToken";
}
