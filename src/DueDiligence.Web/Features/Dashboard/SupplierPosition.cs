using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Risk;

namespace DueDiligence.Web.Features.Dashboard;

/// <summary>Where one supplier stands, as the dashboard counts it.</summary>
internal sealed record SupplierPosition(
    SupplierStatus Status, RiskTier? Tier, DateOnly? ReassessmentDueOn, WorstJurisdictionLevel Jurisdiction, double? ControlScore)
{
    public bool AwaitsReassessment => ReassessmentDueOn is not null && ReassessmentWindow.AwaitingStatuses.Contains(Status);

    public bool IsOverdue(DateOnly today) => AwaitsReassessment && ReassessmentDueOn < today;

    public bool IsDueSoon(DateOnly today) =>
        AwaitsReassessment && ReassessmentDueOn >= today && ReassessmentDueOn <= ReassessmentWindow.DueSoonHorizon(today);
}
