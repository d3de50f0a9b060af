using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Domain.Tooling;

/// <summary>
/// Whether a supplier counts as approved for holding our tools: its status is Approved or Approved with conditions (set
/// only by an executive's decision), or it is under reassessment and its latest decision approved it. Prospects, suppliers
/// under their first assessment, rejected and offboarded suppliers are not approved.
/// </summary>
public static class SupplierApproval
{
    public static bool IsApproved(SupplierStatus status, DecisionOutcome? latestDecision) => status switch
    {
        SupplierStatus.Approved or SupplierStatus.ApprovedWithConditions => true,
        SupplierStatus.UnderAssessment => latestDecision is DecisionOutcome.Approved or DecisionOutcome.ApprovedWithConditions,
        _ => false,
    };
}
