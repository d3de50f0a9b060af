using System.Text.RegularExpressions;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>Fills in and posts the change-password and reset-link pages the way a browser does, antiforgery token included.</summary>
public static partial class PasswordForms
{
    public const string ChangePath = "/account/password";

    /// <summary>Opens the change-password page of the signed-in client and posts it.</summary>
    public static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string newPassword, string? confirm = null)
    {
        var token = Html.HiddenValue(await client.GetStringAsync(ChangePath), "__RequestVerificationToken");
        return await client.PostAsync(ChangePath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = token,
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = confirm ?? newPassword,
        }));
    }

    /// <summary>Opens a reset link (path and query) and posts its form; the page's own address is where the form goes.</summary>
    public static async Task<HttpResponseMessage> ResetAsync(HttpClient client, string link, string newPassword)
    {
        var page = await client.GetStringAsync(link);
        var token = Html.HiddenValue(page, "__RequestVerificationToken");
        return await PostResetAsync(client, link, token, newPassword);
    }

    public static Task<HttpResponseMessage> PostResetAsync(HttpClient client, string link, string antiforgeryToken, string newPassword) =>
        client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "reset-password",
            ["__RequestVerificationToken"] = antiforgeryToken,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        }));

    /// <summary>The text of the element marked data-testid="<paramref name="testId"/>" (an alert's message or a field's error), or "" when absent.</summary>
    public static string TextOf(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        var tagStart = html.LastIndexOf('<', start);
        var tagEnd = html.IndexOf('>', start);
        var text = html[tagStart..tagEnd].Contains("mud-alert", StringComparison.Ordinal)
            ? AlertMessage().Match(html, tagEnd).Groups[1].Value
            : html[(tagEnd + 1)..html.IndexOf("</div>", tagEnd, StringComparison.Ordinal)];
        return System.Net.WebUtility.HtmlDecode(Tags().Replace(text, "")).Trim();
    }

    /// <summary>Every text of the elements marked data-testid="<paramref name="testId"/>" (a field with several errors has one per error).</summary>
    public static IReadOnlyList<string> TextsOf(string html, string testId) =>
        Regex.Matches(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</div>", RegexOptions.Singleline)
            .Select(m => System.Net.WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, "")).Trim())
            .ToList();

    [GeneratedRegex("class=\"mud-alert-message\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex AlertMessage();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
