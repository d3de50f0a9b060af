using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Agreements;

/// <summary>What legal or the supplier's analysts enter for an agreement.</summary>
public sealed record AgreementDetails(
    AgreementKind Kind,
    string Title,
    string OurEntity,
    string ContractingEntity,
    CountryCode ContractingEntityCountry,
    DateOnly? SignedOn,
    DateOnly? EffectiveOn,
    DateOnly? ExpiresOn,
    CountryCode? GoverningLaw,
    ForumKind? Forum,
    CountryCode? ForumCountry);
