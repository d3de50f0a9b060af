using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>
/// What an edit changed in where the supplier works and what it holds of our IP, in the words of the "Changed since
/// decision" queue: a moved HQ, new sites and subcontractors with their countries, and changes of IP exposure.
/// </summary>
internal sealed class SupplierExposureChange
{
    private readonly HashSet<string> _sites;
    private readonly HashSet<string> _subcontractors;
    private readonly string _exposure;
    private readonly string _hq;

    private SupplierExposureChange(Supplier supplier)
    {
        _sites = supplier.Sites.Select(SiteName).ToHashSet(StringComparer.Ordinal);
        _subcontractors = supplier.Subcontractors.Select(SubcontractorName).ToHashSet(StringComparer.Ordinal);
        _exposure = ExposureOf(supplier);
        _hq = supplier.HqCountry.Name;
    }

    /// <summary>The supplier as it is before the edit.</summary>
    public static SupplierExposureChange Before(Supplier supplier) => new(supplier);

    /// <summary>"New site: Hanoi (Vietnam); IP exposure: Source code and firmware 3 → 5", or a plain "Supplier edited".</summary>
    public string Describe(Supplier after)
    {
        var parts = new List<string>();
        if (after.HqCountry.Name != _hq)
        {
            parts.Add($"HQ moved: {_hq} → {after.HqCountry.Name}");
        }

        parts.AddRange(after.Sites.Select(SiteName).Where(s => !_sites.Contains(s)).Select(s => $"New site: {s}"));
        parts.AddRange(after.Subcontractors.Select(SubcontractorName).Where(s => !_subcontractors.Contains(s)).Select(s => $"New subcontractor: {s}"));
        var exposure = ExposureOf(after);
        if (exposure != _exposure)
        {
            parts.Add($"IP exposure changed: {Or(_exposure)} → {Or(exposure)}");
        }

        return parts.Count == 0 ? "Supplier details edited" : string.Join("; ", parts);
    }

    private static string SiteName(Site site) => $"{site.City} ({site.Country.Name})";

    private static string SubcontractorName(Subcontractor subcontractor) => $"{subcontractor.Name} ({subcontractor.Country.Name})";

    private static string ExposureOf(Supplier supplier) =>
        string.Join(", ", supplier.Exposure.OrderBy(e => e.Category).Select(e => $"{SupplierLabels.Of(e.Category)} {e.Sensitivity}"));

    private static string Or(string exposure) => exposure.Length == 0 ? "none" : exposure;
}
