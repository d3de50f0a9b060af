using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>
/// Driving MudBlazor inputs as a user does. A data-testid on a MudBlazor input lands on its &lt;input&gt; element, so text
/// fields, check boxes and radios take Playwright's FillAsync / CheckAsync directly; these cover the rest.
/// </summary>
public static class MudActions
{
    /// <summary>Opens a MudSelect and clicks the option with exactly this text; in a drawn select, chooses the option with that text.</summary>
    public static async Task ChooseAsync(this ILocator select, string optionText)
    {
        if (await select.EvaluateAsync<bool>("e => e.tagName === 'SELECT'"))
        {
            await select.SelectOptionAsync(new SelectOptionValue { Label = optionText }); // a drawn select (PlainSelect): the browser's own
            return;
        }

        await select.ClickAsync();
        await OpenOption(select.Page, optionText).ClickAsync();
    }

    /// <summary>Types into a country picker (or any MudAutocomplete) and clicks the suggestion that starts with the text.</summary>
    public static async Task PickAsync(this ILocator autocomplete, string typed, string suggestionStart)
    {
        await autocomplete.FillAsync(typed);
        await autocomplete.Page.Locator(".mud-popover-open [role=option]")
            .Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*" + System.Text.RegularExpressions.Regex.Escape(suggestionStart)) })
            .First.ClickAsync();
    }

    /// <summary>Types a date (yyyy-MM-dd) into an editable MudDatePicker, closing its calendar, or into a browser date field.</summary>
    public static async Task FillDateAsync(this ILocator datePicker, DateOnly date)
    {
        var text = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        for (var attempt = 1; ; attempt++)
        {
            await datePicker.FillAsync(text);
            await datePicker.PressAsync("Escape");
            try
            {
                // Typed again if the field was rendered anew meanwhile (a choice just before it, as in FillUntilKeptAsync).
                await Assertions.Expect(datePicker).ToHaveValueAsync(text, new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>The dialog that asks to confirm a consequential action; returns after pressing its confirming button.</summary>
    /// <remarks>
    /// A confirmation once stayed open for 20 s after the click on a loaded machine (CI, 2026-12-06; it never happened in
    /// isolation). If the dialog is still there after 10 s, the page is photographed (artifacts/screenshots/
    /// confirm-still-open-*.png, with the app's log in artifacts/test-results) and the button pressed once more: the
    /// journey goes on, and what the page showed is kept to find the cause.
    /// </remarks>
    public static async Task ConfirmAsync(this IPage page)
    {
        var dialog = page.GetByTestId("confirm-dialog");
        await page.GetByTestId("confirm-yes").ClickAsync();
        try
        {
            await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            if (!await dialog.IsVisibleAsync())
            {
                return;
            }

            await page.ScreenshotAsync($"confirm-still-open-{DateTime.UtcNow:HHmmss}");
            await page.GetByTestId("confirm-yes").ClickAsync(new LocatorClickOptions { Timeout = 5_000 });
            await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        }
    }

    private static ILocator OpenOption(IPage page, string text) =>
        page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new LocatorGetByRoleOptions { Name = text, Exact = true });
}
