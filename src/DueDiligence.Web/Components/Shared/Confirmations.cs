using MudBlazor;

namespace DueDiligence.Web.Components.Shared;

/// <summary>Asks the user to confirm a consequential action (decide, forward, return, lock, publish, retire, discard).</summary>
public static class Confirmations
{
    /// <summary>True when the user pressed the confirming button; false on Cancel, Escape or closing the dialog.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmText, bool destructive = false)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.Destructive, destructive },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
