using System.Text.RegularExpressions;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>Fills in and posts the sign-in page the way a browser does, antiforgery token included.</summary>
public static partial class SignInForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password) =>
        await PostAsync(client, await OpenAsync(client), email, password);

    /// <summary>Opens the sign-in page and returns its antiforgery token, so that many posts can be sent at once later.</summary>
    public static async Task<string> OpenAsync(HttpClient client) =>
        Html.HiddenValue(await client.GetStringAsync("/account/login"), "__RequestVerificationToken");

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string antiforgeryToken, string email, string password) =>
        client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = antiforgeryToken,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));

    /// <summary>Presses Sign out on a signed-in page, with the form's antiforgery token, as the browser does.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient client)
    {
        var token = Html.HiddenValue(await client.GetStringAsync("/"), "__RequestVerificationToken");
        return await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>The text of the error the refused sign-in page shows, or "" when it shows none.</summary>
    public static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        var page = await response.Content.ReadAsStringAsync();
        var start = page.IndexOf("data-testid=\"sign-in-error\"", StringComparison.Ordinal);
        var message = start < 0 ? null : AlertMessage().Match(page, start);
        return message is { Success: true } ? System.Net.WebUtility.HtmlDecode(message.Groups[1].Value).Trim() : "";
    }

    [GeneratedRegex("class=\"mud-alert-message\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex AlertMessage();
}

/// <summary>Small readers of rendered HTML for assertions.</summary>
public static partial class Html
{
    public static string HiddenValue(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        if (!match.Success)
        {
            match = Regex.Match(html, $"value=\"([^\"]*)\"[^>]*name=\"{Regex.Escape(name)}\"");
        }

        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No hidden field {name} in the page.");
    }

    /// <summary>The hrefs of the links inside the element marked data-testid="<paramref name="testId"/>".</summary>
    public static IReadOnlyList<string> LinksIn(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var end = html.IndexOf("</nav>", start, StringComparison.Ordinal);
        var section = html[start..(end < 0 ? html.Length : end)];
        return HrefPattern().Matches(section).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex HrefPattern();
}
