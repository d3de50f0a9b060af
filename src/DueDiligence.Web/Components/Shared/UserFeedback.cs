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
public sealed class UserFeedback(ISnackbar snackbar)
{
    public async Task<bool> RunAsync(Func<Task> action, string? success = null)
    {
        var error = await TryAsync(action);
        if (error is null)
        {
            if (success is not null)
            {
                snackbar.Add(success, Severity.Success, options => options.VisibleStateDuration = 4000);
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

    /// <summary>Runs the action; returns null when it succeeded, else the message for the user.</summary>
    public static async Task<string?> TryAsync(Func<Task> action)
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
