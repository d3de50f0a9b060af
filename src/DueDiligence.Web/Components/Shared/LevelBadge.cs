using System.Collections.Frozen;
using System.Net;
using Microsoft.AspNetCore.Components;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// A coloured pill for a risk level or tier: Low, Moderate/Medium, High, Severe/Critical, or Unknown. Markup in the page
/// that shows it (one frame), not a component of its own: a list of a hundred rows would otherwise hold a hundred more
/// components in its circuit, and the wizard's score panel ten (docs/benchmarks.md, "Open wizard circuits").
/// </summary>
public static class LevelBadge
{
    // The levels and tiers there are, made once and shared by every page.
    private static readonly FrozenDictionary<string, MarkupString> Known =
        new[] { "Low", "Moderate", "Medium", "High", "Severe", "Critical", "Unknown" }.ToFrozenDictionary(t => t, Make, StringComparer.Ordinal);

    public static MarkupString For(string text) => Known.TryGetValue(text, out var known) ? known : Make(text);

    private static MarkupString Make(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        return new($"<span class=\"level level-{WebUtility.HtmlEncode(text.ToLowerInvariant().Replace(' ', '-'))}\" data-level=\"{encoded}\">{encoded}</span>");
    }
}
