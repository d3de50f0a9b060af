using System.Net;
using System.Text.RegularExpressions;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Review;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>
/// The review view rendered to HTML for one user, as the assessment page renders it, and the few ways the tests read it:
/// by data-testid, as the text a user would see.
/// </summary>
internal static partial class ReviewMarkup
{
    public static Task<string> RenderAsync(AppFactory app, Guid assessmentId, string user, string[] roles) =>
        app.AsUserAsync(user, roles, async services =>
        {
            var view = await services.GetRequiredService<AssessmentQueries>().GetAsync(assessmentId)
                ?? throw new InvalidOperationException($"Assessment {assessmentId} was not found.");
            // Forms write their action from the current address, which the page would have set.
            ((IHostEnvironmentNavigationManager)services.GetRequiredService<NavigationManager>())
                .Initialize("http://localhost/", $"http://localhost/assessments/{assessmentId}");
            await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(AssessmentReviewView.View)] = view });
                return (await renderer.RenderComponentAsync<AssessmentReviewView>(parameters)).ToHtmlString();
            });
        });

    public static bool Has(string html, string testId) => html.Contains($"data-testid=\"{testId}\"", StringComparison.Ordinal);

    /// <summary>Every test id that starts with the prefix, in page order.</summary>
    public static IReadOnlyList<string> TestIds(string html, string prefix) =>
        TestIdPattern().Matches(html).Select(m => m.Groups[1].Value).Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    /// <summary>The text of the element with this test id, tags removed and white space collapsed.</summary>
    public static string TextOf(string html, string testId) => Plain(ElementOf(html, testId));

    /// <summary>The element with this test id, from its opening tag to the tag that closes it.</summary>
    public static string ElementOf(string html, string testId)
    {
        var attribute = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(attribute >= 0, $"Nothing with data-testid=\"{testId}\" is shown.");
        var start = html.LastIndexOf('<', attribute);
        var name = TagNamePattern().Match(html, start).Groups[1].Value;
        if (name is "input" or "img" or "br")
        {
            return html[start..(html.IndexOf('>', attribute) + 1)];
        }

        var depth = 0;
        foreach (Match tag in TagPattern(name).Matches(html, start))
        {
            depth += tag.Value.StartsWith("</", StringComparison.Ordinal) ? -1 : tag.Value.EndsWith("/>", StringComparison.Ordinal) ? 0 : 1;
            if (depth == 0)
            {
                return html[start..(tag.Index + tag.Length)];
            }
        }

        return html[start..];
    }

    /// <summary>A fragment of markup as the text a user reads.</summary>
    public static string Plain(string fragment) =>
        WhiteSpacePattern().Replace(WebUtility.HtmlDecode(AnyTagPattern().Replace(fragment, " ")), " ").Trim();

    private static Regex TagPattern(string name) => new($"<{name}\\b[^>]*>|</{name}>", RegexOptions.IgnoreCase);

    [GeneratedRegex("data-testid=\"([^\"]+)\"")]
    private static partial Regex TestIdPattern();

    [GeneratedRegex(@"<([a-zA-Z][a-zA-Z0-9]*)")]
    private static partial Regex TagNamePattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex AnyTagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpacePattern();
}
