using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Domain.Agreements;

/// <summary>
/// Where a supplier sits, as the agreement checks need it: the legal name in the register (the entity that runs its
/// sites, since sites carry no entity of their own), its HQ country and its site countries.
/// </summary>
public sealed record SupplierSeat(string LegalName, CountryCode Hq, IReadOnlyList<(CountryCode Country, string City)> Sites)
{
    public static SupplierSeat Of(Supplier supplier)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        return new SupplierSeat(supplier.LegalName, supplier.HqCountry, supplier.Sites.Select(s => (s.Country, s.City)).ToList());
    }

    /// <summary>
    /// Flags when the entity that signed is not the one that runs the sites: another name than the register's legal name
    /// (case and spacing aside), or a country where the supplier has neither its HQ nor a site.
    /// </summary>
    public IReadOnlyList<string> ContractingEntityFlags(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var flags = new List<string>();
        if (Supplier.KeyOf(agreement.ContractingEntity) != Supplier.KeyOf(LegalName))
        {
            flags.Add($"Signed by {agreement.ContractingEntity}, not by {LegalName}, the company that runs the sites: a claim under it reaches the signing entity's assets only.");
        }

        var country = agreement.ContractingEntityCountry;
        if (country != Hq && Sites.All(s => s.Country != country))
        {
            flags.Add($"{agreement.ContractingEntity} is registered in {country.Name}, where the supplier has neither its HQ nor a site.");
        }

        return flags;
    }

    /// <summary>HQ, sites and the contracting entity, one entry per country with every role it plays.</summary>
    internal IReadOnlyList<(CountryCode Country, IReadOnlyList<string> Roles)> Places(Agreement agreement)
    {
        var roles = new List<(CountryCode Country, string Role)> { (Hq, "HQ") };
        roles.AddRange(Sites.Select(s => (s.Country, $"site in {s.City}")));
        roles.Add((agreement.ContractingEntityCountry, "contracting entity"));
        return roles.GroupBy(r => r.Country)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(r => r.Role).Distinct().ToList()))
            .ToList();
    }
}
