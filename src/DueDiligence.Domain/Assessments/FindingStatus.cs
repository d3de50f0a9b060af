namespace DueDiligence.Domain.Assessments;

/// <summary>Whether a finding still needs action.</summary>
public enum FindingStatus
{
    Open,
    Resolved,
}
