using FluentValidation;

namespace DueDiligence.Web.Features.Tooling;

/// <summary>
/// Where a tool is or goes: "in-house", or a supplier's site as "supplierId/siteId" (the value of the place picker).
/// </summary>
public sealed class ToolPlaceInput
{
    public const string InHouse = "in-house";

    public string? Place { get; set; } = InHouse;

    public string Custodian { get; set; } = "";

    public string SignedOffBy { get; set; } = "";

    public DateTime? SignedOn { get; set; }

    public static string SiteValue(Guid supplierId, Guid siteId) => $"{supplierId:N}/{siteId:N}";

    /// <summary>The supplier and site of the place, or null for in-house; false when the value is neither.</summary>
    public static bool TryParse(string? place, out (Guid SupplierId, Guid SiteId)? site)
    {
        site = null;
        if (place == InHouse)
        {
            return true;
        }

        var parts = place?.Split('/') ?? [];
        if (parts.Length == 2 && Guid.TryParse(parts[0], out var supplier) && Guid.TryParse(parts[1], out var siteId))
        {
            site = (supplier, siteId);
            return true;
        }

        return false;
    }
}

/// <summary>A new tool and where it is when registered.</summary>
public sealed class NewToolInput
{
    public string Tag { get; set; } = "";

    public string Description { get; set; } = "";

    public ToolPlaceInput Place { get; set; } = new();
}

/// <summary>A move of a tool, or a new custodian where it is, with the sign-off of the hand-over.</summary>
public sealed class ToolTransferInput
{
    public Guid ToolId { get; set; }

    public Guid Version { get; set; }

    public ToolPlaceInput Place { get; set; } = new();

    public string? Note { get; set; }
}

internal sealed class ToolPlaceInputValidator : AbstractValidator<ToolPlaceInput>
{
    public ToolPlaceInputValidator()
    {
        RuleFor(p => p.Place).Must(p => ToolPlaceInput.TryParse(p, out _)).WithMessage("Choose where the tool is: in-house or a supplier's site.");
        RuleFor(p => p.Custodian).NotEmpty().WithMessage("Name the custodian who holds the tool.").MaximumLength(200);
        RuleFor(p => p.SignedOffBy).NotEmpty().WithMessage("Name the person who signed the hand-over.").MaximumLength(200);
        RuleFor(p => p.SignedOn).NotNull().WithMessage("Enter the day the hand-over was signed.");
    }
}

internal sealed class NewToolInputValidator : AbstractValidator<NewToolInput>
{
    public NewToolInputValidator()
    {
        RuleFor(t => t.Tag).NotEmpty().WithMessage("Give the tool its tag, e.g. “MLD-0042”.").MaximumLength(40);
        RuleFor(t => t.Description).NotEmpty().WithMessage("Describe the tool, e.g. “4-cavity mould, HM-4 top shell”.").MaximumLength(500);
        RuleFor(t => t.Place).SetValidator(new ToolPlaceInputValidator());
    }
}

internal sealed class ToolTransferInputValidator : AbstractValidator<ToolTransferInput>
{
    public ToolTransferInputValidator()
    {
        RuleFor(t => t.Place).SetValidator(new ToolPlaceInputValidator());
        RuleFor(t => t.Note).MaximumLength(1000);
    }
}
