namespace DueDiligence.Domain.Assessments;

/// <summary>Where the follow-up of a contract condition stands. Overdue is not a status: see <see cref="ContractCondition.IsOverdueOn"/>.</summary>
public enum ConditionStatus
{
    Open,
    InProgress,
    Met,

    /// <summary>Not required after all, with the reason recorded.</summary>
    Waived,
}
