using Microsoft.AspNetCore.Components;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// MudBlazor's link for an action on the page (not an address), drawn as a button with its classes (ADR 0010): a list that
/// names many questions draws one per question, where a MudLink is a component each; and a MudLink with only a click
/// handler is an anchor without an address, which the keyboard cannot reach. Looks: <c>.drawn-link</c> in app.css. A
/// list's link to a record is a plain anchor with MudLink's classes (<see cref="AnchorClasses"/>), not a component per row.
/// </summary>
public static class DrawnLink
{
    /// <summary>The classes of a MudLink with its defaults (primary, underlined on hover, body1), for a plain anchor in a list's rows.</summary>
    public const string AnchorClasses = "mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body1";

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
