using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using FluentValidation;
using MudBlazor;
using Severity = MudBlazor.Severity;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// Runs a user's action and tells them how it went: a short confirmation, or exactly why it was refused.
/// Refusals (invalid input, a broken rule, no permission, a concurrent edit) change nothing, and stay on screen until
/// the user closes them. A refusal that lists work to do belongs on the page next to its action, not here.
/// </summary>
public sealed class UserFeedback(ISnackbar snackbar, AccessRefusals? refusals = null)
{
    public async Task<bool> RunAsync(Func<Task> action, string? success = null)
    {
        var error = await TryAsync(action);
        if (error is null)
        {
            if (success is not null)
            {
                Confirm(success);
            }

            return true;
        }

        snackbar.Add(error, Severity.Error, options =>
        {
            options.RequireInteraction = true;
            options.ShowCloseIcon = true;
        });
        return false;
    }

    /// <summary>
    /// For the review and decision steps: a short confirmation when the step was taken; a refusal is handed back to the
    /// component, which shows it next to the action until the user acts on it (it often lists work to do, such as open
    /// conditions), rather than in a notification that covers the page.
    /// </summary>
    /// <returns>Null when the step was taken, else why it was refused.</returns>
    public async Task<string?> RunStepAsync(Func<Task> step, string success)
    {
        var refusal = await TryAsync(step);
        if (refusal is null)
        {
            Confirm(success);
        }

        return refusal;
    }

    private void Confirm(string success) => snackbar.Add(success, Severity.Success, options => options.VisibleStateDuration = 4000);

    /// <summary>Runs the action; returns null when it succeeded, else the message for the user. A refusal of access is logged.</summary>
    public async Task<string?> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (ValidationException e)
        {
            return string.Join(" ", e.Errors.Select(f => f.ErrorMessage).Distinct());
        }
        catch (DomainException e)
        {
            return e.Message;
        }
        catch (ForbiddenException e)
        {
            // Null only where a component is rendered without the app (component tests of layout alone).
            if (refusals is not null)
            {
                await refusals.RecordAsync(e);
            }

            return e.Message;
        }
        catch (ConcurrencyConflictException e)
        {
            return e.Message;
        }
        catch (StaleAnswerException e)
        {
            return e.Message;
        }
        catch (SubmissionIncompleteException e)
        {
            return e.Message;
        }
    }
}
