using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Web.Infrastructure.Risk;

/// <summary>Which suppliers await a reassessment and what "due soon" means, for the dashboard and the supplier list alike.</summary>
public static class ReassessmentWindow
{
    /// <summary>How far ahead "due soon" looks.</summary>
    public const int DueSoonDays = 90;

    /// <summary>Approved suppliers and those under reassessment are due for one; offboarded and rejected ones are not.</summary>
    public static readonly IReadOnlyList<SupplierStatus> AwaitingStatuses =
        [SupplierStatus.Approved, SupplierStatus.ApprovedWithConditions, SupplierStatus.UnderAssessment];

    public static DateOnly DueSoonHorizon(DateOnly today) => today.AddDays(DueSoonDays);
}
