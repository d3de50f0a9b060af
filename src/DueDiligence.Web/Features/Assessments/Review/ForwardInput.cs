using DueDiligence.Domain.Assessments;
using FluentValidation;

namespace DueDiligence.Web.Features.Assessments.Review;

/// <summary>Legal's overall opinion, given when it forwards the assessment for a decision.</summary>
internal sealed class ForwardInput
{
    public string Opinion { get; set; } = "";
}

/// <summary>Forwarding needs legal's opinion: the executives read it first.</summary>
internal sealed class ForwardInputValidator : AbstractValidator<ForwardInput>
{
    public ForwardInputValidator()
    {
        RuleFor(f => f.Opinion).NotEmpty().WithMessage("Give legal's overall opinion before forwarding: the executives read it first when they decide.")
            .MaximumLength(LegalOpinion.MaxLength).WithMessage("Keep the opinion under 4,000 characters.");
    }
}
