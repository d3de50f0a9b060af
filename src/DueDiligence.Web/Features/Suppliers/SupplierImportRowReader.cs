using System.Globalization;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;
using static DueDiligence.Web.Features.Suppliers.SupplierImportColumns;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>
/// Turns the cells of one import line into the supplier form, so that the form's own validator judges it.
/// What the form cannot hold (an unknown kind, a site without a city separator) is reported here, by column.
/// </summary>
internal static class SupplierImportRowReader
{
    private static readonly Dictionary<string, SupplierCategory> Categories = Lookup(Enum.GetValues<SupplierCategory>(), SupplierLabels.Of);
    private static readonly Dictionary<string, IpAssetCategory> AssetCategories = Lookup(Enum.GetValues<IpAssetCategory>(), SupplierLabels.Of);

    public static (SupplierInput Input, List<string> Errors) Read(IReadOnlyDictionary<string, string?> cells)
    {
        var errors = new List<string>();
        var input = new SupplierInput
        {
            LegalName = cells[LegalName] ?? "",
            HqCountry = cells[HqCountry],
            Category = ReadCategory(cells[Category], errors),
            RegistrationNumber = cells[RegistrationNumber],
            Duns = cells[Duns],
            Lei = cells[Lei],
            VatNumber = cells[VatNumber],
            Website = cells[Website],
            Description = cells[Description],
            Sites = ReadSites(cells[Sites], errors),
            Exposure = ReadExposure(cells[Exposure], errors),
        };
        return (input, errors);
    }

    private static SupplierCategory? ReadCategory(string? cell, List<string> errors)
    {
        if (cell is null)
        {
            errors.Add($"{Category}: enter the kind of supplier: {string.Join(", ", Enum.GetNames<SupplierCategory>())}.");
            return null;
        }

        if (Categories.TryGetValue(Key(cell), out var category))
        {
            return category;
        }

        errors.Add($"{Category}: “{cell}” is not a kind of supplier; use one of {string.Join(", ", Enum.GetNames<SupplierCategory>())}.");
        return null;
    }

    private static List<SiteInput> ReadSites(string? cell, List<string> errors)
    {
        var sites = new List<SiteInput>();
        foreach (var entry in Entries(cell))
        {
            var parts = entry.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length < 2)
            {
                errors.Add($"{Sites}: “{entry}” needs a country code and a city, e.g. CN:Shenzhen.");
                continue;
            }

            sites.Add(new SiteInput { Country = parts[0], City = parts[1] });
        }

        return sites;
    }

    private static List<ExposureInput> ReadExposure(string? cell, List<string> errors)
    {
        var exposure = new List<ExposureInput>();
        foreach (var entry in Entries(cell))
        {
            var parts = entry.Split(':', 2, StringSplitOptions.TrimEntries);
            if (!AssetCategories.TryGetValue(Key(parts[0]), out var category))
            {
                errors.Add($"{Exposure}: “{parts[0]}” is not a kind of IP; use one of {string.Join(", ", Enum.GetNames<IpAssetCategory>())}.");
                continue;
            }

            if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sensitivity))
            {
                errors.Add($"{Exposure}: “{entry}” needs a sensitivity from 1 (low) to 5 (crown jewels), e.g. {category}:4.");
                continue;
            }

            if (sensitivity is < 1 or > 5)
            {
                errors.Add($"{Exposure}: “{entry}”: rate sensitivity from 1 (low) to 5 (crown jewels).");
                continue;
            }

            exposure.Add(new ExposureInput { Category = category, Sensitivity = sensitivity });
        }

        return exposure;
    }

    private static IEnumerable<string> Entries(string? cell) =>
        (cell ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Names and labels compared on their letters and digits only: "ContractManufacturer", "Contract manufacturer" and "contract-manufacturer" match.</summary>
    private static string Key(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    private static Dictionary<string, T> Lookup<T>(IEnumerable<T> values, Func<T, string> label)
        where T : struct, Enum
    {
        var lookup = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            lookup.TryAdd(Key(value.ToString()), value);
            lookup.TryAdd(Key(label(value)), value);
        }

        return lookup;
    }
}
