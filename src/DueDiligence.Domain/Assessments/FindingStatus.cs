namespace DueDiligence.Domain.Assessments;

/// <summary>Where the follow-up of a finding stands. Overdue is not a status: see <see cref="Finding.IsOverdueOn"/>.</summary>
public enum FindingStatus
{
    Open,
    InProgress,
    Resolved,

    /// <summary>Accepted as it is, with the reason recorded.</summary>
    Waived,
}
