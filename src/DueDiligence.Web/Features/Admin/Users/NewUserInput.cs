using DueDiligence.Web.Infrastructure.Identity;
using FluentValidation;

namespace DueDiligence.Web.Features.Admin.Users;

/// <summary>What an administrator enters to create an account.</summary>
public sealed class NewUserInput
{
    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Password { get; set; } = "";

    public List<string> Roles { get; set; } = [];
}

internal sealed class NewUserInputValidator : AbstractValidator<NewUserInput>
{
    public NewUserInputValidator()
    {
        RuleFor(u => u.Email).NotEmpty().WithMessage("Enter the e-mail address the person signs in with.")
            .EmailAddress().WithMessage("This is not an e-mail address.")
            .MaximumLength(256).WithMessage("An e-mail address has at most 256 characters.");
        RuleFor(u => u.DisplayName).NotEmpty().WithMessage("Enter the person's name as colleagues know it.")
            .MaximumLength(100).WithMessage("A name has at most 100 characters.");
        RuleFor(u => u.Password).MinimumLength(12).WithMessage("A password has at least 12 characters.");
        RuleFor(u => u.Roles).NotEmpty().WithMessage("Choose at least one role.")
            .Must(roles => roles.All(AppRoles.All.Contains)).WithMessage("Choose roles from the list.");
    }
}
