using System.Linq.Expressions;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Risk;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>The supplier list's search, filters and sort; empty fields do not filter. Also read from the query string.</summary>
public sealed class SupplierFilter
{
    /// <summary>The query-string value of <see cref="Tier"/> that asks for suppliers without a decided assessment.</summary>
    public const string NotDecidedCode = "none";

    /// <summary>The query-string value of <see cref="ControlBand"/> for suppliers without a score yet.</summary>
    public const string NoScoreCode = "none";

    public static readonly IReadOnlyList<KeyValuePair<string, string>> DueOptions =
    [
        new("overdue", "Overdue"),
        new("next90", $"Due in the next {ReassessmentWindow.DueSoonDays} days"),
    ];

    /// <summary>Levels of the worst jurisdiction; "Unknown" when the worst country has neither indicators nor a legal rating.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> JurisdictionLevelOptions =
        Enum.GetValues<WorstJurisdictionLevel>().OrderBy(l => l == WorstJurisdictionLevel.Unknown)
            .Select(l => new KeyValuePair<string, string>(l.ToString(), l.ToString())).ToList();

    /// <summary>Bands of the control score C (<see cref="ControlScoreBand"/>), and suppliers without a score yet.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> ControlBandOptions =
        ControlScoreBand.All.Select(b => new KeyValuePair<string, string>(b.Code, b.Label)).Append(new(NoScoreCode, "No score yet")).ToList();

    public string? Search { get; set; }

    public SupplierStatus? Status { get; set; }

    /// <summary>HQ or any site in this country.</summary>
    public string? Country { get; set; }

    public RiskTier? Tier { get; set; }

    /// <summary>Only suppliers without a decided assessment, hence without a latest tier.</summary>
    public bool NotDecided { get; set; }

    public string? OwnerId { get; set; }

    /// <summary>
    /// Reassessment due date: "overdue" (before today) or "next90" (today to 90 days ahead). Only approved suppliers and
    /// those under reassessment count: offboarded and rejected ones need none.
    /// </summary>
    public string? Due { get; set; }

    /// <summary>Level of the worst jurisdiction over the countries where our IP is exposed (HQ, sites, subcontractors handling it): Low, Moderate, High, Severe or Unknown.</summary>
    public string? JurisdictionLevel { get; set; }

    /// <summary>
    /// Band of the control score C of the latest decision snapshot, else of the latest submission snapshot: "0-20" … "80-100",
    /// or "none" for suppliers never submitted.
    /// </summary>
    public string? ControlBand { get; set; }

    /// <summary>Column to sort by: name, country, status, tier, owner, updated; a leading "-" sorts descending.</summary>
    public string? Sort { get; set; }

    internal async Task<IQueryable<Supplier>> ApplyAsync(AppDbContext db, DateOnly today, CancellationToken cancellationToken)
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
            // IN over the sites of that country rather than a subquery per supplier: both sides use their country index.
            var withSite = db.Set<Site>().Where(site => site.Country == country).Select(site => EF.Property<Guid>(site, "SupplierId"));
            query = query.Where(s => s.HqCountry == country || withSite.Contains(s.Id));
        }

        if (Tier is { } tier)
        {
            query = query.Where(s => s.LatestTier == tier);
        }

        if (NotDecided)
        {
            query = query.Where(s => s.LatestTier == null);
        }

        if (!string.IsNullOrWhiteSpace(OwnerId))
        {
            query = query.Where(s => s.OwnerId == OwnerId);
        }

        query = WithReassessmentDue(query, today);
        query = WithStoredPosition(query, db);

        var descending = Sort?.StartsWith('-') == true;
        if (Sort?.TrimStart('-') == "country")
        {
            var byName = await CountryNameRankAsync(db, cancellationToken);
            return descending ? query.OrderByDescending(byName).ThenBy(s => s.LegalNameKey) : query.OrderBy(byName).ThenBy(s => s.LegalNameKey);
        }

        return (Sort?.TrimStart('-')) switch
        {
            "status" => descending ? query.OrderByDescending(s => s.Status).ThenBy(s => s.LegalNameKey) : query.OrderBy(s => s.Status).ThenBy(s => s.LegalNameKey),
            "tier" => descending ? query.OrderByDescending(s => s.LatestResidualRisk).ThenBy(s => s.LegalNameKey) : query.OrderBy(s => s.LatestResidualRisk).ThenBy(s => s.LegalNameKey),
            "owner" => descending ? query.OrderByDescending(s => s.OwnerName).ThenBy(s => s.LegalNameKey) : query.OrderBy(s => s.OwnerName).ThenBy(s => s.LegalNameKey),
            "updated" => descending ? query.OrderByDescending(s => s.UpdatedAtUtc) : query.OrderBy(s => s.UpdatedAtUtc),
            _ => descending ? query.OrderByDescending(s => s.LegalNameKey) : query.OrderBy(s => s.LegalNameKey),
        };
    }

    /// <summary>
    /// The HQ country's place in reading order of the names (Åland with the A's, Türkiye before Tuvalu), as a CASE the
    /// database can sort by; the codes are those in the register, a few dozen.
    /// </summary>
    private static async Task<Expression<Func<Supplier, int>>> CountryNameRankAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var codes = await db.Suppliers.Select(s => s.HqCountry).Distinct().ToListAsync(cancellationToken);
        var ordered = codes.OrderBy(c => c.Name, Countries.NameOrder).ToList();
        var supplier = Expression.Parameter(typeof(Supplier), "s");
        var country = Expression.Property(supplier, nameof(Supplier.HqCountry));
        Expression rank = Expression.Constant(ordered.Count);
        for (var i = ordered.Count - 1; i >= 0; i--)
        {
            rank = Expression.Condition(Expression.Equal(country, Expression.Constant(ordered[i])), Expression.Constant(i), rank);
        }

        return Expression.Lambda<Func<Supplier, int>>(rank, supplier);
    }

    private IQueryable<Supplier> WithReassessmentDue(IQueryable<Supplier> query, DateOnly today)
    {
        var soon = ReassessmentWindow.DueSoonHorizon(today);
        var awaiting = ReassessmentWindow.AwaitingStatuses;
        var reassessed = query.Where(s => awaiting.Contains(s.Status));
        return Due switch
        {
            "overdue" => reassessed.Where(s => s.ReassessmentDueOn < today),
            "next90" => reassessed.Where(s => s.ReassessmentDueOn >= today && s.ReassessmentDueOn <= soon),
            _ => query,
        };
    }

    /// <summary>
    /// The heat-map filters, over the suppliers' stored positions (<see cref="Domain.Monitoring.SupplierPosition"/>), which
    /// the dashboard counts: the band of C (of the latest decision snapshot, else of the latest submission snapshot), and
    /// the level of the worst jurisdiction over the countries where our IP is exposed (Unknown: stored without a level).
    /// </summary>
    private IQueryable<Supplier> WithStoredPosition(IQueryable<Supplier> query, AppDbContext db)
    {
        var band = ControlScoreBand.All.FirstOrDefault(b => b.Code == ControlBand);
        var byLevel = Enum.TryParse<WorstJurisdictionLevel>(JurisdictionLevel, out var level);
        if (band is null && ControlBand != NoScoreCode && !byLevel)
        {
            return query;
        }

        var positions = db.SupplierPositions.AsQueryable();
        if (ControlBand == NoScoreCode)
        {
            positions = positions.Where(p => p.ControlBand == null);
        }
        else if (band is not null)
        {
            var lower = band.Lower;
            positions = positions.Where(p => p.ControlBand == lower);
        }

        if (byLevel)
        {
            var stored = WorstJurisdiction.StoredLevelOf(level);
            positions = stored is null ? positions.Where(p => p.WorstJurisdictionLevel == null) : positions.Where(p => p.WorstJurisdictionLevel == stored);
        }

        var suppliers = positions.Select(p => p.SupplierId);
        return query.Where(s => suppliers.Contains(s.Id));
    }
}
