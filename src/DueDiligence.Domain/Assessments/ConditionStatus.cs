namespace DueDiligence.Domain.Assessments;

/// <summary>Whether a contract condition has been met yet.</summary>
public enum ConditionStatus
{
    Open,
    Met,
}
