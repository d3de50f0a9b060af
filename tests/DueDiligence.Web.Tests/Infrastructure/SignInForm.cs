using System.Text.RegularExpressions;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>Fills in and posts the sign-in page the way a browser does, antiforgery token included.</summary>
public static partial class SignInForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = Html.HiddenValue(page, "__RequestVerificationToken"),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        };
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(form));
    }
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
