using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// MudBlazor's button in the primary colour, drawn with its classes (ADR 0010), where a page that users keep open shows
/// it (the supplier register) or shows it many times (once per question in a review): a MudButton with an icon is three
/// components (the button, its element, its icon).
/// </summary>
public static class DrawnButton
{
    /// <summary>How the button is drawn: MudBlazor's <c>Variant</c>.</summary>
    public enum Look { Filled, Outlined, Text }

    /// <summary>A button with an address, as a MudButton with <c>Href</c>: an anchor in one markup frame. The address and the text are encoded.</summary>
    public static MarkupString Link(string href, string text, Look look, string? icon = null, string? testId = null, bool download = false)
    {
        var encoder = HtmlEncoder.Default;
        var attributes = (download ? " download" : "") + (testId is null ? "" : $" data-testid=\"{encoder.Encode(testId)}\"");
        return new($"<a href=\"{encoder.Encode(href)}\" class=\"{Classes(look)}\"{attributes}><span class=\"mud-button-label\">{StartIcon(icon)}{encoder.Encode(text)}</span></a>");
    }

    /// <summary>A button that runs <paramref name="click"/>, as a MudButton with <c>OnClick</c>.</summary>
    /// <param name="receiver">The component whose handler <paramref name="click"/> is: it renders again after it, as with @onclick.</param>
    /// <param name="small">MudBlazor's <c>Size.Small</c> instead of its medium size.</param>
    public static RenderFragment Button(IHandleEvent receiver, string text, Func<Task> click, Look look, string? testId = null, string? icon = null, bool small = false) => builder =>
    {
        var size = small ? "small" : "medium";
        builder.OpenElement(0, "button");
        builder.AddAttribute(1, "type", "button");
        builder.AddAttribute(2, "class", Classes(look, size));
        builder.AddAttribute(3, "onclick", EventCallback.Factory.Create(receiver, click));
        builder.AddAttribute(4, "data-testid", testId);
        builder.AddMarkupContent(5, $"<span class=\"mud-button-label\">{StartIcon(icon, size)}{HtmlEncoder.Default.Encode(text)}</span>");
        builder.CloseElement();
    };

    private static string Classes(Look look, string size = "medium")
    {
        var variant = look.ToString().ToLowerInvariant();
        return $"mud-button-root mud-button mud-button-{variant} mud-button-{variant}-primary mud-button-{variant}-size-{size} mud-ripple";
    }

    private static string StartIcon(string? icon, string size = "medium") =>
        icon is null ? "" : $"<span class=\"mud-button-icon-start mud-button-icon-size-{size}\">{DrawnIcon.Svg(icon, $"mud-icon-size-{size}")}</span>";
}
