using DueDiligence.Web.Infrastructure.Persistence.Configurations;
using FluentValidation;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>What an administrator enters to start a new template: its name, and the version to copy, if any.</summary>
public sealed class NewTemplateInput
{
    public string Name { get; set; } = "";

    /// <summary>The version whose content the new template starts from; null starts from a blank template.</summary>
    public Guid? CopyFromId { get; set; }
}

/// <summary>Quick, specific feedback on the new-template form.</summary>
internal sealed class NewTemplateInputValidator : AbstractValidator<NewTemplateInput>
{
    public NewTemplateInputValidator()
    {
        RuleFor(t => t.Name).NotEmpty().WithMessage("Give the new template a name.")
            .MaximumLength(TemplateVersionConfiguration.NameMaxLength)
            .WithMessage($"A template name has at most {TemplateVersionConfiguration.NameMaxLength} characters.");
    }
}
