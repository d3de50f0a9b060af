using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// Why each country counts in a supplier's worst jurisdiction risk, in words, from <see cref="Supplier.ExposureSources"/>:
/// "HQ; site: Shenzhen; subcontractor Pearl Moulds — moulds from our CAD files — handles our IP".
/// </summary>
public static class ExposureRoles
{
    public static IReadOnlyDictionary<string, string> Of(Supplier supplier) =>
        supplier.ExposureSources().GroupBy(s => s.Country.Value)
            .ToDictionary(g => g.Key, g => string.Join("; ", g.Select(s => s.Description)), StringComparer.Ordinal);

    public static string Of(Supplier supplier, CountryCode country) => Of(supplier).GetValueOrDefault(country.Value) ?? "";
}
