using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Infrastructure.Risk;

namespace DueDiligence.Web.Features.Dashboard;

/// <summary>
/// The portfolio on one screen: every figure with the address of the list that shows exactly what it counts.
/// <see cref="ChangedSinceDecision"/> is the length of the "Changed since decision" queue as the user sees it (null for administrators, who do not read it).
/// </summary>
public sealed record PortfolioOverview(
    DateOnly AsOf,
    int SupplierCount,
    IReadOnlyList<TierCount> ByTier,
    IReadOnlyList<StatusCount> ByStatus,
    HeatMap HeatMap,
    ReassessmentsDue Reassessments,
    IReadOnlyList<WorkQueue> Queues,
    int? ChangedSinceDecision);

/// <summary>Suppliers whose latest decided tier is <see cref="Tier"/>; null for suppliers not decided yet.</summary>
public sealed record TierCount(RiskTier? Tier, int Count)
{
    public string Label => Tier?.ToString() ?? "Not decided";

    public string Link => SupplierListLinks.ForTier(Tier);
}

/// <summary>Suppliers in one lifecycle status.</summary>
public sealed record StatusCount(SupplierStatus Status, int Count)
{
    public string Label => SupplierLabels.Of(Status);

    public string Link => SupplierListLinks.ForStatus(Status);
}

/// <summary>Reassessments overdue and due soon, with the first of them by due date.</summary>
public sealed record ReassessmentsDue(int Overdue, int DueSoon, IReadOnlyList<ReassessmentItem> Earliest)
{
    public const int DueSoonDays = ReassessmentWindow.DueSoonDays;
}

/// <summary>One supplier whose reassessment is overdue or due soon.</summary>
public sealed record ReassessmentItem(Guid SupplierId, string SupplierName, RiskTier? Tier, DateOnly DueOn)
{
    public string Link => SupplierListLinks.Supplier(SupplierId);
}

/// <summary>An assessment work queue and how many assessments wait in it; <see cref="IsYours"/> when the user's role works it.</summary>
public sealed record WorkQueue(string Queue, string Title, string Description, int Count, bool IsYours)
{
    public string Link => SupplierListLinks.Queue(Queue);
}
