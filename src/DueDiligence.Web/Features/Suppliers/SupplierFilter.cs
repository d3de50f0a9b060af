using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Persistence;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>The supplier list's search, filters and sort; empty fields do not filter. Also read from the query string.</summary>
public sealed class SupplierFilter
{
    public string? Search { get; set; }

    public SupplierStatus? Status { get; set; }

    /// <summary>HQ or any site in this country.</summary>
    public string? Country { get; set; }

    public RiskTier? Tier { get; set; }

    public string? OwnerId { get; set; }

    /// <summary>Column to sort by: name, country, status, tier, owner, updated; a leading "-" sorts descending.</summary>
    public string? Sort { get; set; }

    internal IQueryable<Supplier> Apply(AppDbContext db)
    {
        var query = db.Suppliers.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var key = Supplier.KeyOf(Search);
            var raw = Search.Trim();
            query = query.Where(s => s.LegalNameKey.Contains(key) || s.RegistrationNumber == raw || s.Duns == raw || s.Lei == raw || s.VatNumber == raw);
        }

        if (Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }

        if (CountryCode.TryParse(Country, out var country))
        {
            query = query.Where(s => s.HqCountry == country || s.Sites.Any(site => site.Country == country));
        }

        if (Tier is { } tier)
        {
            query = query.Where(s => s.LatestTier == tier);
        }

        if (!string.IsNullOrWhiteSpace(OwnerId))
        {
            query = query.Where(s => s.OwnerId == OwnerId);
        }

        var descending = Sort?.StartsWith('-') == true;
        return (Sort?.TrimStart('-')) switch
        {
            "country" => descending ? query.OrderByDescending(s => s.HqCountry).ThenBy(s => s.LegalNameKey) : query.OrderBy(s => s.HqCountry).ThenBy(s => s.LegalNameKey),
            "status" => descending ? query.OrderByDescending(s => s.Status).ThenBy(s => s.LegalNameKey) : query.OrderBy(s => s.Status).ThenBy(s => s.LegalNameKey),
            "tier" => descending ? query.OrderByDescending(s => s.LatestResidualRisk).ThenBy(s => s.LegalNameKey) : query.OrderBy(s => s.LatestResidualRisk).ThenBy(s => s.LegalNameKey),
            "owner" => descending ? query.OrderByDescending(s => s.OwnerName).ThenBy(s => s.LegalNameKey) : query.OrderBy(s => s.OwnerName).ThenBy(s => s.LegalNameKey),
            "updated" => descending ? query.OrderByDescending(s => s.UpdatedAtUtc) : query.OrderBy(s => s.UpdatedAtUtc),
            _ => descending ? query.OrderByDescending(s => s.LegalNameKey) : query.OrderBy(s => s.LegalNameKey),
        };
    }
}
