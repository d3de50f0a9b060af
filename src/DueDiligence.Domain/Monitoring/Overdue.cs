using DueDiligence.Domain.Assessments;

namespace DueDiligence.Domain.Monitoring;

/// <summary>When a contract condition or a finding of a decided assessment is overdue: the one rule the monitoring and its screens use.</summary>
public static class Overdue
{
    /// <summary>A condition is overdue once its due date has passed and it is not met.</summary>
    public static bool Condition(ContractCondition condition, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition.DueOn < today && condition.Status != ConditionStatus.Met;
    }

    /// <summary>A finding is overdue once its due date (if it has one) has passed and it is not resolved.</summary>
    public static bool Finding(Finding finding, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.DueOn < today && finding.Status != FindingStatus.Resolved;
    }
}
