using System.Globalization;
using System.Text;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;
using static DueDiligence.Web.Features.Suppliers.SupplierFileColumns;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>The supplier form read from one row of an import file, the problems found while reading it, and where each list entry came from.</summary>
internal sealed class ImportedRow(SupplierInput input, List<string> errors, Dictionary<string, List<SupplierCells.Entry>> entries)
{
    public SupplierInput Input { get; } = input;

    public List<string> Errors { get; } = errors;

    /// <summary>For each list column, the entry of the cell behind each item of the form's list, in the same order.</summary>
    public Dictionary<string, List<SupplierCells.Entry>> Entries { get; } = entries;

    /// <summary>Where a validation error of the form belongs: "Sites, entry 2 (VN | | Testing)" or "HQ country".</summary>
    public string Locate(string propertyName)
    {
        var column = OfProperty(propertyName);
        var open = propertyName.IndexOf('[', StringComparison.Ordinal);
        var close = propertyName.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close < open
            || !int.TryParse(propertyName.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !Entries.TryGetValue(column, out var list) || index >= list.Count)
        {
            return column;
        }

        return EntryPlace(column, list[index]);
    }

    public static string EntryPlace(string column, SupplierCells.Entry entry) => $"{column}, entry {entry.Number} (“{entry.Text}”)";
}

/// <summary>
/// Turns the cells of one import row into the supplier form, so that the form's own validator judges it. What the form
/// cannot hold (an unknown kind, a sensitivity that is not a number, a list entry with too many parts) is reported
/// here, by column and entry. It reads exactly what the export writes, and accepts a few friendlier spellings: kinds,
/// activities and kinds of IP by their label or their name; countries by code, by name, or as "Viet Nam (VN)".
/// </summary>
internal static class SupplierImportRowReader
{
    private static readonly Dictionary<string, SupplierCategory> Categories = Lookup(Enum.GetValues<SupplierCategory>(), SupplierLabels.Of);
    private static readonly Dictionary<string, IpAssetCategory> AssetCategories = Lookup(Enum.GetValues<IpAssetCategory>(), SupplierLabels.Of);
    private static readonly Dictionary<string, SiteActivity> SiteActivities =
        Lookup(Enum.GetValues<SiteActivity>().Where(a => a != SiteActivity.None), SupplierLabels.ActivityName);

    private static readonly Dictionary<string, string> CountryNames = Countries.All
        .Select(c => (Key: Key(c.Value), Code: c.Key))
        .GroupBy(c => c.Key)
        .ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal);

    public static ImportedRow Read(IReadOnlyDictionary<string, string?> cells)
    {
        var errors = new List<string>();
        var entries = new Dictionary<string, List<SupplierCells.Entry>>(StringComparer.Ordinal);
        var input = new SupplierInput
        {
            LegalName = cells[LegalName] ?? "",
            HqCountry = Country(cells[HqCountry]),
            Category = ReadCategory(cells[Kind], errors),
            RegistrationNumber = cells[RegistrationNumber],
            Duns = cells[Duns],
            Lei = cells[Lei],
            VatNumber = cells[VatNumber],
            Website = cells[Website],
            Description = cells[Description],
        };
        input.Sites = ReadList(cells[Sites], Sites, ["country", "city", "activities"], entries, errors, (entry, parts) => new SiteInput
        {
            Country = Country(parts.ElementAtOrDefault(0)),
            City = parts.ElementAtOrDefault(1) ?? "",
            Activities = ReadActivities(entry, parts.ElementAtOrDefault(2), errors),
        });
        input.Subcontractors = ReadList(cells[Subcontractors], Subcontractors, ["name", "country", "what they do"], entries, errors, (_, parts) => new SubcontractorInput
        {
            Name = parts.ElementAtOrDefault(0) ?? "",
            Country = Country(parts.ElementAtOrDefault(1)),
            Activity = parts.ElementAtOrDefault(2) ?? "",
        });
        input.Contacts = ReadList(cells[Contacts], Contacts, ["name", "role", "e-mail", "phone"], entries, errors, (_, parts) => new ContactInput
        {
            Name = parts.ElementAtOrDefault(0) ?? "",
            Role = Optional(parts.ElementAtOrDefault(1)),
            Email = Optional(parts.ElementAtOrDefault(2)),
            Phone = Optional(parts.ElementAtOrDefault(3)),
        });
        input.Exposure = ReadList(cells[Exposure], Exposure, ["kind of IP", "sensitivity", "note"], entries, errors, (entry, parts) => ReadExposure(entry, parts, errors));
        return new ImportedRow(input, errors, entries);
    }

    private static SupplierCategory? ReadCategory(string? cell, List<string> errors)
    {
        if (cell is null)
        {
            errors.Add($"{Kind}: enter the kind of supplier: {KindNames()}.");
            return null;
        }

        if (Categories.TryGetValue(Key(cell), out var category))
        {
            return category;
        }

        errors.Add($"{Kind}: “{cell}” is not a kind of supplier; use one of {KindNames()}.");
        return null;
    }

    /// <summary>
    /// Every entry becomes an item of the form's list (so that the form's validator names the entry), except one with
    /// more parts than the list has, which is reported here.
    /// </summary>
    private static List<T> ReadList<T>(
        string? cell, string column, string[] partNames, Dictionary<string, List<SupplierCells.Entry>> entries, List<string> errors,
        Func<SupplierCells.Entry, IReadOnlyList<string?>, T?> read)
        where T : class
    {
        var items = new List<T>();
        var sources = new List<SupplierCells.Entry>();
        foreach (var entry in SupplierCells.Read(cell))
        {
            if (entry.Parts.Count > partNames.Length)
            {
                errors.Add($"{ImportedRow.EntryPlace(column, entry)}: has {entry.Parts.Count} parts separated by “|”; write {string.Join(" | ", partNames)}. A “|” inside a value is written twice (“||”).");
                continue;
            }

            if (read(entry, entry.Parts.Select(p => p.Length == 0 ? null : p).ToList()) is { } item)
            {
                items.Add(item);
                sources.Add(entry);
            }
        }

        entries[column] = sources;
        return items;
    }

    private static SiteActivity ReadActivities(SupplierCells.Entry entry, string? cell, List<string> errors)
    {
        var activities = SiteActivity.None;
        foreach (var name in (cell ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (SiteActivities.TryGetValue(Key(name), out var activity))
            {
                activities |= activity;
            }
            else
            {
                errors.Add($"{ImportedRow.EntryPlace(Sites, entry)}: “{name}” is not an activity; use {string.Join(", ", SiteActivities.Values.Distinct().Select(SupplierLabels.ActivityName))}, separated by commas.");
            }
        }

        return activities;
    }

    private static ExposureInput? ReadExposure(SupplierCells.Entry entry, IReadOnlyList<string?> parts, List<string> errors)
    {
        var kind = parts.ElementAtOrDefault(0);
        if (kind is null || !AssetCategories.TryGetValue(Key(kind), out var category))
        {
            errors.Add($"{ImportedRow.EntryPlace(Exposure, entry)}: {(kind is null ? "the kind of IP is missing" : $"“{kind}” is not a kind of IP")}; use one of {string.Join(", ", Enum.GetValues<IpAssetCategory>().Select(SupplierLabels.Of))}.");
            return null;
        }

        var sensitivity = parts.ElementAtOrDefault(1);
        if (sensitivity is null || !int.TryParse(sensitivity, NumberStyles.None, CultureInfo.InvariantCulture, out var level))
        {
            errors.Add($"{ImportedRow.EntryPlace(Exposure, entry)}: give the sensitivity as a number from 1 (low) to 5 (crown jewels), e.g. {SupplierLabels.Of(category)} | 4.");
            return null;
        }

        // Out of range is left to the form's validator, which says how sensitivity is rated.
        return new ExposureInput { Category = category, Sensitivity = level, Note = parts.ElementAtOrDefault(2) };
    }

    /// <summary>A country as its code ("VN"), its name ("Viet Nam") or both ("Viet Nam (VN)"); otherwise the text as written, for the validator to report.</summary>
    private static string? Country(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (CountryCode.TryParse(text, out var code))
        {
            return code.Value;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > 5 && trimmed[^1] == ')' && trimmed[^4] == '(' && CountryCode.TryParse(trimmed[^3..^1], out var inBrackets))
        {
            return inBrackets.Value;
        }

        return CountryNames.TryGetValue(Key(trimmed), out var byName) ? byName : trimmed;
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string KindNames() => string.Join(", ", Enum.GetValues<SupplierCategory>().Select(SupplierLabels.Of));

    /// <summary>Names and labels compared on their letters and digits only, without accents: "ContractManufacturer", "Contract manufacturer" and "contract-manufacturer" match.</summary>
    private static string Key(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormD).Where(char.IsLetterOrDigit)).ToUpperInvariant();

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
