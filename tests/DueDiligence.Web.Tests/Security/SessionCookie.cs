using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DueDiligence.Web.Tests.Security;

/// <summary>
/// A copy of a session's sign-in cookie, sent by hand as an attacker who copied it would, and kept up to date when the
/// server renews it (sliding expiry), as a browser does. <see cref="Browser"/> is the browser it was copied from.
/// </summary>
public sealed class SessionCookie
{
    public const string Name = "DueDiligence.Auth";

    private SessionCookie(string value, HttpClient browser) => (Value, Browser) = (value, browser);

    public string Value { get; private set; }

    public HttpClient Browser { get; }

    public static SessionCookie From(HttpResponseMessage signIn, HttpClient browser) =>
        new(ValueIn(signIn) is { Length: > 0 } value ? value : throw new InvalidOperationException($"The sign-in set no {Name} cookie ({(int)signIn.StatusCode})."), browser);

    /// <summary>Whether the copy still opens the supplier list on <paramref name="instance"/>, or is sent to the sign-in page.</summary>
    public async Task<bool> IsSignedInOnAsync(WebApplicationFactory<Program> instance)
    {
        using var response = await GetAsync(instance, "/suppliers");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return true;
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        return false;
    }

    /// <summary>Sends the copy with a GET of <paramref name="path"/>, and keeps the cookie the server renews.</summary>
    public async Task<HttpResponseMessage> GetAsync(WebApplicationFactory<Program> instance, string path)
    {
        using var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{Name}={Value}");
        var response = await client.SendAsync(request);
        if (ValueIn(response) is { Length: > 0 } renewed)
        {
            Value = renewed;
        }

        return response;
    }

    private static string? ValueIn(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(c => c.StartsWith($"{Name}=", StringComparison.Ordinal)).Select(c => c[(Name.Length + 1)..].Split(';')[0]).LastOrDefault()
            : null;
}
