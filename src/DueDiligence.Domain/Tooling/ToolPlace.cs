using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Domain.Tooling;

/// <summary>Where a customer-owned tool is kept: in-house, or at one site of one supplier (with the name shown for it).</summary>
public sealed record ToolPlace(Guid? SupplierId, Guid? SiteId, string Name)
{
    /// <summary>How an in-house place is named on screen and in the transfer history.</summary>
    public const string InHouseName = "In-house";

    public static ToolPlace InHouse { get; } = new(null, null, InHouseName);

    public bool IsInHouse => SupplierId is null;

    /// <summary>A supplier's site, named "Brightpath … — Shenzhen, China" on the tool and in its history.</summary>
    public static ToolPlace AtSite(Supplier supplier, Site site)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        ArgumentNullException.ThrowIfNull(site);
        return new(supplier.Id, site.Id, $"{supplier.LegalName} — {site.City}, {Countries.NameOf(site.Country.Value)}");
    }
}
