using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>
/// What the browser does when the user turns to another tab and back (a headless page is never hidden otherwise): the
/// document's visibility state, and its <c>visibilitychange</c> event. Also linked into bench/ (the circuits benchmark).
/// </summary>
public static class TabVisibility
{
    public static Task HideAsync(this IPage page) => SetAsync(page, "hidden");

    public static Task ShowAsync(this IPage page) => SetAsync(page, "visible");

    private static Task SetAsync(IPage page, string state) =>
        page.EvaluateAsync(
            """
            state => {
                Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
                Object.defineProperty(document, "hidden", { value: state === "hidden", configurable: true });
                document.dispatchEvent(new Event("visibilitychange"));
            }
            """, state);
}
