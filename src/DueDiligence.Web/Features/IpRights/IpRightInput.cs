using DueDiligence.Domain.Common;
using DueDiligence.Domain.IpRights;
using DueDiligence.Domain.Suppliers;
using FluentValidation;

namespace DueDiligence.Web.Features.IpRights;

/// <summary>What the register form holds for one right.</summary>
public sealed class IpRightInput
{
    public IpRightKind? Kind { get; set; }

    public string Title { get; set; } = "";

    public string? Number { get; set; }

    public string OwnerEntity { get; set; } = "";

    public IReadOnlyCollection<IpAssetCategory> Protects { get; set; } = [];

    public List<IpRightCountryInput> Countries { get; set; } = [];

    public static IpRightInput From(IpRight right) => new()
    {
        Kind = right.Kind,
        Title = right.Title,
        Number = right.Number,
        OwnerEntity = right.OwnerEntity,
        Protects = [.. right.Protects],
        Countries = [.. right.Countries.OrderBy(c => c.Country.Name, StringComparer.Ordinal).Select(c => new IpRightCountryInput
        {
            Country = c.Country.Value, Status = c.Status, FiledOn = c.FiledOn, RegisteredOn = c.RegisteredOn, ExpiresOn = c.ExpiresOn,
        })],
    };

    /// <summary>The right as the domain takes it; a bad country code or date order is refused there with a sentence.</summary>
    public IpRightDetails ToDetails() => new(
        Kind ?? throw new DomainException("Choose the kind of right."),
        Title, Number, OwnerEntity, [.. Protects],
        [.. Countries.Select(c => new IpRightCountryDetails(CountryOf(c), c.Status, c.FiledOn, c.RegisteredOn, c.ExpiresOn))]);

    private static CountryCode CountryOf(IpRightCountryInput line) =>
        string.IsNullOrWhiteSpace(line.Country) ? throw new DomainException("Choose the country of every country line, or remove the line.") : CountryCode.Parse(line.Country);
}

/// <summary>One country line of the register form.</summary>
public sealed class IpRightCountryInput
{
    public string? Country { get; set; }

    public RightStatus Status { get; set; } = RightStatus.Registered;

    public DateOnly? FiledOn { get; set; }

    public DateOnly? RegisteredOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }
}

internal sealed class IpRightInputValidator : AbstractValidator<IpRightInput>
{
    public IpRightInputValidator()
    {
        RuleFor(i => i.Kind).NotNull().WithMessage("Choose the kind of right.");
        RuleFor(i => i.Title).NotEmpty().WithMessage("Give the right a title, e.g. the mark or the invention's name.").MaximumLength(200);
        RuleFor(i => i.Number).MaximumLength(60);
        RuleFor(i => i.OwnerEntity).NotEmpty().WithMessage("Name our entity that holds the right.").MaximumLength(200);
        RuleFor(i => i.Protects).NotEmpty().WithMessage("Choose at least one kind of IP the right protects.");
    }
}
