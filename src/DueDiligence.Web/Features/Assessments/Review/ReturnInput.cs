using FluentValidation;

namespace DueDiligence.Web.Features.Assessments.Review;

/// <summary>Why the assessment goes back to the analyst.</summary>
internal sealed class ReturnInput
{
    public string Reason { get; set; } = "";
}

/// <summary>A return to draft needs its reason, so that the analyst knows what to fix.</summary>
internal sealed class ReturnInputValidator : AbstractValidator<ReturnInput>
{
    public ReturnInputValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Say why the assessment goes back to draft, so that the analyst knows what to fix.")
            .MaximumLength(2000).WithMessage("Keep the reason under 2,000 characters.");
    }
}
