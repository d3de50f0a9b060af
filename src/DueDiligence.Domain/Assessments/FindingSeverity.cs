namespace DueDiligence.Domain.Assessments;

/// <summary>How serious a legal finding is.</summary>
public enum FindingSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
