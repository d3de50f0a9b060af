using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Web.Features.Dashboard;

/// <summary>Where one supplier stands, as the dashboard counts it.</summary>
public sealed record SupplierPosition(
    SupplierStatus Status, RiskTier? Tier, DateOnly? ReassessmentDueOn, WorstJurisdictionLevel Jurisdiction, double? ControlScore)
{
    /// <summary>Approved suppliers and those under reassessment are due for one; offboarded and rejected ones are not.</summary>
    public bool AwaitsReassessment =>
        ReassessmentDueOn is not null && Status is SupplierStatus.Approved or SupplierStatus.ApprovedWithConditions or SupplierStatus.UnderAssessment;

    public bool IsOverdue(DateOnly today) => AwaitsReassessment && ReassessmentDueOn < today;

    public bool IsDueSoon(DateOnly today) =>
        AwaitsReassessment && ReassessmentDueOn >= today && ReassessmentDueOn <= today.AddDays(ReassessmentsDue.DueSoonDays);
}
