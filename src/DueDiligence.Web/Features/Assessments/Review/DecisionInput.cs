using DueDiligence.Domain.Assessments;
using FluentValidation;

namespace DueDiligence.Web.Features.Assessments.Review;

/// <summary>What the approver enters to decide.</summary>
internal sealed class DecisionInput
{
    public DecisionOutcome? Outcome { get; set; }

    public string Rationale { get; set; } = "";

    /// <summary>Why the supplier may proceed at this tier; required to approve where the tier's approval rule says so.</summary>
    public string Justification { get; set; } = "";

    /// <summary>The delegator the executive signs for; empty to sign in their own name.</summary>
    public string OnBehalfOfId { get; set; } = "";
}

/// <summary>A decision needs an outcome and its rationale.</summary>
internal sealed class DecisionInputValidator : AbstractValidator<DecisionInput>
{
    public DecisionInputValidator()
    {
        RuleFor(d => d.Outcome).NotNull().WithMessage("Choose Approve, Approve with conditions or Reject.");
        RuleFor(d => d.Rationale).NotEmpty().WithMessage("Give the rationale for the decision.")
            .MaximumLength(4000).WithMessage("Keep the rationale under 4,000 characters.");
        RuleFor(d => d.Justification).MaximumLength(4000).WithMessage("Keep the justification under 4,000 characters.");
    }
}
