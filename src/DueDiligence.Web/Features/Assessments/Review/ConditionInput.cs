using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure;
using FluentValidation;

namespace DueDiligence.Web.Features.Assessments.Review;

/// <summary>What a legal reviewer or the approver enters for a contract condition.</summary>
internal sealed class ConditionInput
{
    public string Description { get; set; } = "";

    /// <summary>The user who owns it, from <see cref="FollowUpOwners"/>; null leaves it unassigned.</summary>
    public string? OwnerId { get; set; }

    public DateOnly? DueOn { get; set; }

    /// <summary>The due date as the date picker holds it.</summary>
    public DateTime? DueDate
    {
        get => DueOn?.ToDateTime(TimeOnly.MinValue);
        set => DueOn = value is { } date ? DateOnly.FromDateTime(date) : null;
    }

    public ConditionDetails ToDetails() => new(Description, DueOn!.Value);
}

/// <summary>Quick feedback on a contract condition before it is saved; the assessment itself has the final word.</summary>
internal sealed class ConditionInputValidator : AbstractValidator<ConditionInput>
{
    public ConditionInputValidator(TimeProvider time)
    {
        RuleFor(c => c.Description).NotEmpty().WithMessage("Describe the contract condition.")
            .MaximumLength(2000).WithMessage("Keep the description under 2,000 characters.");
        RuleFor(c => c.DueDate).NotNull().WithMessage("Set the date by which the condition must be met.")
            .Must(d => d is null || DateOnly.FromDateTime(d.Value) >= time.Today()).WithMessage("The due date is in the past; choose today or a later date.");
    }
}
