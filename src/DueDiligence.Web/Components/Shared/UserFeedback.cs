using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using FluentValidation;
using Radzen;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// Runs a user's action and tells them how it went: a short confirmation, or exactly why it was refused.
/// Refusals (invalid input, a broken rule, no permission, a concurrent edit) change nothing.
/// </summary>
public sealed class UserFeedback(NotificationService notifications)
{
    public async Task<bool> RunAsync(Func<Task> action, string? success = null)
    {
        var error = await TryAsync(action);
        if (error is null)
        {
            if (success is not null)
            {
                notifications.Notify(NotificationSeverity.Success, success, duration: 4000);
            }

            return true;
        }

        notifications.Notify(NotificationSeverity.Error, "Not saved", error, duration: 12000);
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
