using FluentValidation;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>Quick, specific feedback on the project form; the domain still guards its own rules.</summary>
internal sealed class SourcingProjectInputValidator : AbstractValidator<SourcingProjectInput>
{
    public SourcingProjectInputValidator()
    {
        RuleFor(p => p.Name).NotEmpty().WithMessage("Name the sourcing project.")
            .MaximumLength(200).WithMessage("A project name has at most 200 characters.");
        RuleFor(p => p.Need).NotEmpty().WithMessage("Describe the need, e.g. “injection-moulded housing, 50k units/yr”.")
            .MaximumLength(2000).WithMessage("Keep the need under 2,000 characters.");
    }
}
