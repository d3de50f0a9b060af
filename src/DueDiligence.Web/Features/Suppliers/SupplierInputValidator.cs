using DueDiligence.Domain.Common;
using FluentValidation;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>Quick, specific feedback on the supplier form; the domain still guards its own rules.</summary>
internal sealed class SupplierInputValidator : AbstractValidator<SupplierInput>
{
    public SupplierInputValidator()
    {
        RuleFor(s => s.LegalName).NotEmpty().WithMessage("Enter the supplier's legal name.")
            .MaximumLength(200).WithMessage("A legal name has at most 200 characters.");
        RuleFor(s => s.HqCountry).Must(BeACountry).WithMessage(s => CountryMessage("HQ country", s.HqCountry));
        RuleFor(s => s.Category).NotNull().WithMessage("Choose the kind of supplier.");
        RuleFor(s => s.Duns).Matches("^[0-9]{9}$").When(s => !string.IsNullOrWhiteSpace(s.Duns))
            .WithMessage("A DUNS number has exactly 9 digits.");
        RuleFor(s => s.Lei).Must(Identifiers.IsValidLei).When(s => !string.IsNullOrWhiteSpace(s.Lei))
            .WithMessage("An LEI has 20 letters and digits with valid check digits (ISO 17442).");
        RuleFor(s => s.RegistrationNumber).MaximumLength(60).WithMessage("A registration number has at most 60 characters.");
        RuleFor(s => s.VatNumber).MaximumLength(30).WithMessage("A VAT number has at most 30 characters.");
        RuleFor(s => s.Website).Must(Identifiers.IsWebAddress).When(s => !string.IsNullOrWhiteSpace(s.Website))
            .WithMessage("Enter the website as a full address starting with https:// or http://.");
        RuleFor(s => s.Description).MaximumLength(2000).WithMessage("Keep the description under 2,000 characters.");

        // List entries are single lines: the register file writes each entry on one line of its cell.
        RuleForEach(s => s.Sites).ChildRules(site =>
        {
            site.RuleFor(x => x.Country).Must(BeACountry).WithMessage(x => CountryMessage("site country", x.Country));
            site.RuleFor(x => x.City).NotEmpty().WithMessage("Enter the city of the site.")
                .MaximumLength(120).WithMessage("A city has at most 120 characters.")
                .Must(BeOneLine).WithMessage("Write the city on one line.");
        });
        RuleForEach(s => s.Subcontractors).ChildRules(sub =>
        {
            sub.RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the subcontractor's name.")
                .MaximumLength(200).WithMessage("A subcontractor's name has at most 200 characters.")
                .Must(BeOneLine).WithMessage("Write the subcontractor's name on one line.");
            sub.RuleFor(x => x.Country).Must(BeACountry).WithMessage(x => CountryMessage("subcontractor's country", x.Country));
            sub.RuleFor(x => x.Activity).NotEmpty().WithMessage("Say what the subcontractor does for the supplier.")
                .MaximumLength(200).WithMessage("Say what the subcontractor does in at most 200 characters.")
                .Must(BeOneLine).WithMessage("Say what the subcontractor does on one line.");
            sub.RuleFor(x => x.IpHandling).IsInEnum().WithMessage("Choose whether the subcontractor handles our IP, or leave it not confirmed.");
        });
        RuleForEach(s => s.Contacts).ChildRules(contact =>
        {
            contact.RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the contact's name.")
                .MaximumLength(120).WithMessage("A contact's name has at most 120 characters.")
                .Must(BeOneLine).WithMessage("Write the contact's name on one line.");
            contact.RuleFor(x => x.Role).MaximumLength(120).WithMessage("A role has at most 120 characters.")
                .Must(BeOneLine).WithMessage("Write the role on one line.");
            contact.RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage("This is not an e-mail address.")
                .MaximumLength(256).WithMessage("An e-mail address has at most 256 characters.");
            contact.RuleFor(x => x.Phone).MaximumLength(60).WithMessage("A phone number has at most 60 characters.")
                .Must(BeOneLine).WithMessage("Write the phone number on one line.");
        });
        RuleForEach(s => s.Exposure).ChildRules(item =>
        {
            item.RuleFor(x => x.Category).NotNull().WithMessage("Choose the kind of IP.");
            item.RuleFor(x => x.Sensitivity).InclusiveBetween(1, 5).WithMessage("Rate sensitivity from 1 (low) to 5 (crown jewels).");
            item.RuleFor(x => x.Note).MaximumLength(500).WithMessage("Keep the note under 500 characters.")
                .Must(BeOneLine).WithMessage("Write the note on one line.");
        });
        RuleFor(s => s.Exposure).Must(items => items.Where(i => i.Category is not null).GroupBy(i => i.Category).All(g => g.Count() == 1))
            .WithMessage("Each kind of IP appears once in the exposure profile; give the highest sensitivity for it.");
    }

    private static bool BeACountry(string? code) => CountryCode.TryParse(code, out _);

    private static bool BeOneLine(string? text) => text is null || text.AsSpan().IndexOfAny('\r', '\n') < 0;

    private static string CountryMessage(string what, string? code) =>
        string.IsNullOrWhiteSpace(code) ? $"Choose the {what}." : $"“{code}” is not an ISO 3166-1 alpha-2 country code (two letters, e.g. CN, VN, DE).";
}
