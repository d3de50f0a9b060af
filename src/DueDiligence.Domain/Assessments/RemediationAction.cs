namespace DueDiligence.Domain.Assessments;

/// <summary>One step in the follow-up of a contract condition or a finding, as its history records it.</summary>
public enum RemediationAction
{
    /// <summary>Work on it has started (in progress).</summary>
    Started,

    /// <summary>A condition met, a finding resolved.</summary>
    Completed,

    Waived,
    Reopened,

    /// <summary>A file showing that it was fulfilled was attached.</summary>
    EvidenceAttached,
}
