using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Suppliers;

/// <summary>The identifying details of a supplier, as entered.</summary>
public sealed record SupplierProfile(
    string LegalName,
    CountryCode HqCountry,
    SupplierCategory Category,
    string? RegistrationNumber = null,
    string? Duns = null,
    string? Lei = null,
    string? VatNumber = null,
    string? Website = null,
    string? Description = null);
