namespace DueDiligence.Domain.Assessments;

/// <summary>The moment a score snapshot was taken.</summary>
public enum ScoreSnapshotKind
{
    Submission,
    Decision,
}
