using System.Globalization;
using System.Net;
using DueDiligence.Domain.Scoring;
using Microsoft.AspNetCore.Components;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// A score shown with one decimal (midpoint away from zero), or the text for "no value". Markup in the page that shows
/// it (one frame), not a component of its own (as <see cref="LevelBadge"/>).
/// </summary>
public static class Figure
{
    public static MarkupString For(double? value, string missing = "n/a", string suffix = "")
    {
        var text = value is { } v ? Display.Round1(v).ToString("0.0", CultureInfo.InvariantCulture) + suffix : missing;
        return new($"<span class=\"figure\">{WebUtility.HtmlEncode(text)}</span>");
    }
}
