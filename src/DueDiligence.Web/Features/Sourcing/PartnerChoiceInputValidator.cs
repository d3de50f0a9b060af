using FluentValidation;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>Quick, specific feedback on the choice form; the domain refuses excluded and unassessed candidates.</summary>
internal sealed class PartnerChoiceInputValidator : AbstractValidator<PartnerChoiceInput>
{
    public PartnerChoiceInputValidator()
    {
        RuleFor(c => c.SupplierId).NotNull().WithMessage("Choose the partner among the ranked candidates.");
        RuleFor(c => c.Memo).NotEmpty().WithMessage("Write the decision memo: why this partner, and on what conditions.")
            .MaximumLength(8000).WithMessage("Keep the memo under 8,000 characters.");
    }
}
