using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Domain.IpRights;

/// <summary>What describes a right in the register, as entered or imported.</summary>
public sealed record IpRightDetails(
    IpRightKind Kind, string Title, string? Number, string OwnerEntity, IReadOnlyList<IpAssetCategory> Protects, IReadOnlyList<IpRightCountryDetails> Countries);

/// <summary>One country of a right as entered.</summary>
public sealed record IpRightCountryDetails(CountryCode Country, RightStatus Status, DateOnly? FiledOn, DateOnly? RegisteredOn, DateOnly? ExpiresOn);
