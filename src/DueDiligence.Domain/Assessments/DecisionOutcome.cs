namespace DueDiligence.Domain.Assessments;

/// <summary>What the approver decided about the supplier.</summary>
public enum DecisionOutcome
{
    Approved,
    ApprovedWithConditions,
    Rejected,
}
