using Microsoft.AspNetCore.Components;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// A MudBlazor icon drawn in plain markup, for the inputs, buttons and links that are drawn with MudBlazor's classes
/// instead of made as its components (ADR 0010). One markup frame: no component, no element and attribute frames for a
/// page that repeats it (the choices of every question).
/// </summary>
public static class DrawnIcon
{
    /// <summary>The SVG of <paramref name="icon"/> (an <see cref="MudBlazor.Icons"/> path) with MudBlazor's icon classes and <paramref name="classes"/> (its size, say).</summary>
    /// <remarks>Both go into the markup as they are: constants of the code, never text a user gave.</remarks>
    public static MarkupString Svg(string icon, string classes) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon {classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{icon}</svg>");
}
