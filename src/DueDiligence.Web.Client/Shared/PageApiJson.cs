using System.Text.Json;
using System.Text.Json.Serialization;

namespace DueDiligence.Web.Client.Shared;

/// <summary>How the app's JSON endpoints write and read: web defaults (camelCase), choices by name — as the server's HTTP JSON options.</summary>
public static class PageApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
