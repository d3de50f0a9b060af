using System.Net;
using System.Text.RegularExpressions;

namespace DueDiligence.EndToEnd.Deployment;

/// <summary>Browser-like HTTP clients (cookies kept, redirects shown, not followed) and the sign-in form posted as a browser does.</summary>
public static partial class HttpSessions
{
    /// <summary>A session through nginx, trusting the test's own certificate and no other.</summary>
    public static HttpClient ThroughProxy(SelfSignedCertificate certificate, CookieContainer cookies) =>
        new(new HttpClientHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
                presented is not null && string.Equals(presented.Thumbprint, certificate.Thumbprint, StringComparison.OrdinalIgnoreCase),
        });

    /// <summary>A session with one app instance directly, over plain HTTP.</summary>
    public static HttpClient Direct(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });

    /// <summary>A client that sends only the cookies a test puts in a Cookie header itself.</summary>
    public static HttpClient WithoutCookies() =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

    /// <summary>Opens the sign-in page and posts it with its antiforgery token; the response is the post's.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string baseUrl, string email, string password)
    {
        var page = await client.GetStringAsync($"{baseUrl}/account/login");
        var token = ValueAttribute().Match(AntiforgeryInput().Match(page).Value);
        if (!token.Success)
        {
            throw new InvalidOperationException($"The sign-in page has no antiforgery token:\n{page}");
        }

        var form = new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        };
        return await client.PostAsync($"{baseUrl}/account/login", new FormUrlEncodedContent(form));
    }

    /// <summary>The Set-Cookie header that sets this cookie, as the server sent it (attributes included).</summary>
    public static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) && values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal)) is { } value
            ? value
            : throw new InvalidOperationException($"The response sets no cookie {name}.");

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*>""")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
