using System.Net.Http.Json;
using System.Text.Json;
using DueDiligence.Web.Client.Shared;
using DueDiligence.Web.Infrastructure.PageApi;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>
/// A signed-in browser calling the page API as the app's browser components do: with the session cookie, and with the
/// antiforgery token its pages carry (here read from the home page's sign-out form) in the header of every change.
/// </summary>
public sealed class PageApiSession(HttpClient client, string token)
{
    public static async Task<PageApiSession> SignInAsync(AppFactory app, string email, string password)
    {
        var client = await app.SignInAsync(email, password);
        return new PageApiSession(client, Html.HiddenValue(await client.GetStringAsync("/"), "__RequestVerificationToken"));
    }

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(path);

    /// <summary>A change: JSON (or the given content) with the token, or without it when <paramref name="withToken"/> is false.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool withToken = true)
    {
        var request = new HttpRequestMessage(method, path)
        {
            Content = body switch
            {
                null => null,
                HttpContent content => content,
                _ => JsonContent.Create(body, body.GetType(), options: PageApiProtocol.Json),
            },
        };
        if (withToken)
        {
            request.Headers.Add(PageApiProtocol.TokenHeader, token);
        }

        return client.SendAsync(request);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(PageApiProtocol.Json))!;

    /// <summary>The sentence of a problem response, as the page shows it.</summary>
    public static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
}
