using FluentValidation;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>A component of the project's bill of materials as entered: null supplier means kept in-house.</summary>
public sealed class PlannerComponentInput
{
    /// <summary>Null for a new component.</summary>
    public Guid? Id { get; set; }

    public Guid Version { get; set; }

    public string Name { get; set; } = "";

    public int Sensitivity { get; set; } = 3;

    public bool HoldsFirmware { get; set; }

    public bool HoldsFormulas { get; set; }

    public bool HoldsDesignKnowHow { get; set; }

    public Guid? SupplierId { get; set; }
}

internal sealed class PlannerComponentInputValidator : AbstractValidator<PlannerComponentInput>
{
    public PlannerComponentInputValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Name the component, e.g. “main board firmware”.").MaximumLength(120);
        RuleFor(c => c.Sensitivity).InclusiveBetween(1, 5).WithMessage("The IP sensitivity of a component is 1 to 5.");
    }
}
