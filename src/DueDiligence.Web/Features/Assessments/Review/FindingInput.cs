using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure;
using FluentValidation;

namespace DueDiligence.Web.Features.Assessments.Review;

/// <summary>What a legal reviewer or the approver enters for a legal finding.</summary>
internal sealed class FindingInput
{
    public FindingSeverity? Severity { get; set; }

    public string Description { get; set; } = "";

    public string? RecommendedMitigation { get; set; }

    /// <summary>The user who owns it, from <see cref="FollowUpOwners"/>; null leaves it unassigned.</summary>
    public string? OwnerId { get; set; }

    public DateOnly? DueOn { get; set; }

    /// <summary>The due date as the date picker holds it.</summary>
    public DateTime? DueDate
    {
        get => DueOn?.ToDateTime(TimeOnly.MinValue);
        set => DueOn = value is { } date ? DateOnly.FromDateTime(date) : null;
    }

    /// <summary>The question the finding is about; blank when it is about the supplier as a whole.</summary>
    public string? QuestionCode { get; set; }

    public FindingDetails ToDetails() =>
        new(Severity!.Value, Description, RecommendedMitigation, DueOn, string.IsNullOrWhiteSpace(QuestionCode) ? null : QuestionCode);
}

/// <summary>Quick feedback on a finding before it is saved; the assessment itself has the final word.</summary>
internal sealed class FindingInputValidator : AbstractValidator<FindingInput>
{
    public FindingInputValidator(TimeProvider time)
    {
        RuleFor(f => f.Severity).NotNull().WithMessage("Choose the finding's severity: Low, Medium, High or Critical.");
        RuleFor(f => f.Description).NotEmpty().WithMessage("Describe the finding.")
            .MaximumLength(2000).WithMessage("Keep the description under 2,000 characters.");
        RuleFor(f => f.RecommendedMitigation).MaximumLength(2000).WithMessage("Keep the recommended mitigation under 2,000 characters.");
        RuleFor(f => f.DueDate).Must(d => d is null || DateOnly.FromDateTime(d.Value) >= time.Today()).WithMessage("The due date is in the past; choose today or a later date.");
    }
}
