using FluentValidation;

namespace DueDiligence.Web.Features.Assessments.Review;

/// <summary>Why a knock-out is waived; the rationale stays on the assessment and in every report.</summary>
internal sealed class WaiverInput
{
    public string Rationale { get; set; } = "";
}

/// <summary>A waiver needs its rationale.</summary>
internal sealed class WaiverInputValidator : AbstractValidator<WaiverInput>
{
    public WaiverInputValidator()
    {
        RuleFor(w => w.Rationale).NotEmpty().WithMessage("Give the rationale for waiving the knock-out: the approver and every report show it.")
            .MaximumLength(2000).WithMessage("Keep the rationale under 2,000 characters.");
    }
}
