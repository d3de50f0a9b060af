using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Assessments;

/// <summary>
/// A draft's live score and what still stops its submission, computed in memory from the draft as it stands — after each
/// save, by whoever holds the draft (the server's wizard, or the browser's).
/// </summary>
public sealed record DraftScore(ScoreResult Score, IReadOnlyList<MissingItem> Missing)
{
    /// <param name="maxSensitivity">The supplier's exposure: the highest sensitivity of the IP it receives.</param>
    /// <param name="countries">The risk of each of the supplier's countries.</param>
    public static DraftScore Of(Assessment assessment, int maxSensitivity, IReadOnlyList<JurisdictionRiskResult> countries, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var missing = assessment.Status == AssessmentStatus.Draft ? assessment.MissingForSubmission(today) : [];
        return new DraftScore(ScoringEngine.Score(assessment.ToScoringInput(maxSensitivity, countries, today)), missing);
    }
}
