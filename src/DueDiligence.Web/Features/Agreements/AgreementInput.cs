using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Common;

namespace DueDiligence.Web.Features.Agreements;

/// <summary>The agreement form: countries as ISO codes, dates optional.</summary>
public sealed class AgreementInput
{
    public AgreementKind Kind { get; set; } = AgreementKind.Nda;

    public string Title { get; set; } = "";

    public string OurEntity { get; set; } = "";

    public string ContractingEntity { get; set; } = "";

    public string? ContractingEntityCountry { get; set; }

    public DateTime? SignedOn { get; set; }

    public DateTime? EffectiveOn { get; set; }

    public DateTime? ExpiresOn { get; set; }

    public string? GoverningLaw { get; set; }

    public ForumKind? Forum { get; set; }

    public string? ForumCountry { get; set; }

    public static AgreementInput From(Agreement agreement) => new()
    {
        Kind = agreement.Kind,
        Title = agreement.Title,
        OurEntity = agreement.OurEntity,
        ContractingEntity = agreement.ContractingEntity,
        ContractingEntityCountry = agreement.ContractingEntityCountry.Value,
        SignedOn = agreement.SignedOn?.ToDateTime(TimeOnly.MinValue),
        EffectiveOn = agreement.EffectiveOn?.ToDateTime(TimeOnly.MinValue),
        ExpiresOn = agreement.ExpiresOn?.ToDateTime(TimeOnly.MinValue),
        GoverningLaw = agreement.GoverningLaw?.Value,
        Forum = agreement.Forum,
        ForumCountry = agreement.ForumCountry?.Value,
    };

    internal AgreementDetails ToDetails() => new(
        Kind, Title, OurEntity, ContractingEntity,
        string.IsNullOrWhiteSpace(ContractingEntityCountry)
            ? throw new DomainException("Give the country where the supplier's contracting entity is registered.")
            : CountryCode.Parse(ContractingEntityCountry),
        Day(SignedOn), Day(EffectiveOn), Day(ExpiresOn), OptionalCountry(GoverningLaw), Forum, OptionalCountry(ForumCountry));

    private static DateOnly? Day(DateTime? value) => value is { } date ? DateOnly.FromDateTime(date) : null;

    private static CountryCode? OptionalCountry(string? code) => string.IsNullOrWhiteSpace(code) ? null : CountryCode.Parse(code);
}

/// <summary>The release form: the SHA-256 is entered, or computed from the file the user picks.</summary>
public sealed class ReleaseInput
{
    public string FileName { get; set; } = "";

    public string? Sha256 { get; set; }

    public Domain.Suppliers.IpAssetCategory AssetKind { get; set; } = Domain.Suppliers.IpAssetCategory.DesignFiles;

    public int Sensitivity { get; set; } = 3;

    public DateTime? ReleasedOn { get; set; }

    public string? ApprovedById { get; set; }

    public Guid? AgreementId { get; set; }

    public DateTime? ReturnOrDestroyBy { get; set; }
}
