using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Risk;
using Microsoft.AspNetCore.WebUtilities;

namespace DueDiligence.Web.Features.Dashboard;

/// <summary>The addresses of the supplier list and assessment queues behind each dashboard figure, in the lists' own filter words.</summary>
internal static class SupplierListLinks
{
    public const string All = "/suppliers";

    public static string ForTier(RiskTier? tier) => Suppliers(("tier", tier?.ToString() ?? "none"));

    public static string ForStatus(SupplierStatus status) => Suppliers(("status", status.ToString()));

    public static string ForJurisdiction(WorstJurisdictionLevel level) => Suppliers(("jlevel", level.ToString()));

    public static string ForBand(ControlScoreBand? band) => Suppliers(("cband", band?.Code ?? "none"));

    public static string ForCell(WorstJurisdictionLevel level, ControlScoreBand? band) =>
        Suppliers(("jlevel", level.ToString()), ("cband", band?.Code ?? "none"));

    public static string Overdue => Suppliers(("due", "overdue"));

    public static string DueSoon => Suppliers(("due", "next90"));

    public static string Supplier(Guid id) => $"/suppliers/{id}";

    public static string Queue(string queue) => QueryHelpers.AddQueryString("/assessments", "queue", queue);

    private static string Suppliers(params (string Name, string Value)[] filters) =>
        QueryHelpers.AddQueryString(All, filters.Select(f => new KeyValuePair<string, string?>(f.Name, f.Value)));
}
