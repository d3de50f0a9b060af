using Microsoft.AspNetCore.Components;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// MudBlazor's link for an action on the page (not an address), drawn as a button with its classes (ADR 0010): a list that
/// names many questions draws one per question, where a MudLink is a component each; and a MudLink with only a click
/// handler is an anchor without an address, which the keyboard cannot reach. Looks: <c>.drawn-link</c> in app.css.
/// </summary>
public static class DrawnLink
{
    /// <param name="receiver">The component whose handler <paramref name="click"/> is: it renders again after it, as with @onclick.</param>
    public static RenderFragment Button(IHandleEvent receiver, string text, Func<Task> click, string? testId = null, bool strong = false) => builder =>
    {
        builder.OpenElement(0, "button");
        builder.AddAttribute(1, "type", "button");
        builder.AddAttribute(2, "class", "mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body2 drawn-link");
        builder.AddAttribute(3, "onclick", EventCallback.Factory.Create(receiver, click));
        builder.AddAttribute(4, "data-testid", testId);
        if (strong)
        {
            builder.OpenElement(5, "strong");
            builder.AddContent(6, text);
            builder.CloseElement();
        }
        else
        {
            builder.AddContent(7, text);
        }

        builder.CloseElement();
    };
}
