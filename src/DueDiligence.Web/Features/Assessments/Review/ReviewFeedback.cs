using DueDiligence.Web.Components.Shared;
using MudBlazor;

namespace DueDiligence.Web.Features.Assessments.Review;

/// <summary>
/// How the review and decision steps tell the user how it went: a short confirmation when the step was taken; a refusal
/// is handed back to the component, which shows it next to the action until the user acts on it (it often lists work
/// to do, such as open conditions), rather than in a notification that covers the page.
/// </summary>
internal static class ReviewFeedback
{
    /// <returns>Null when the step was taken, else why it was refused.</returns>
    public static async Task<string?> RunStepAsync(this ISnackbar snackbar, Func<Task> step, string success)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        var refusal = await UserFeedback.TryAsync(step);
        if (refusal is null)
        {
            snackbar.Add(success, Severity.Success, options => options.VisibleStateDuration = 4000);
        }

        return refusal;
    }
}
