using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>
/// Driving MudBlazor inputs as a user does. A data-testid on a MudBlazor input lands on its &lt;input&gt; element, so text
/// fields, check boxes and radios take Playwright's FillAsync / CheckAsync directly; these cover the rest.
/// </summary>
public static class MudActions
{
    /// <summary>Opens a MudSelect and clicks the option with exactly this text.</summary>
    public static async Task ChooseAsync(this ILocator select, string optionText)
    {
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
    public static async Task ConfirmAsync(this IPage page)
    {
        await page.GetByTestId("confirm-yes").ClickAsync();
        await page.GetByTestId("confirm-dialog").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }

    private static ILocator OpenOption(IPage page, string text) =>
        page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new LocatorGetByRoleOptions { Name = text, Exact = true });
}
