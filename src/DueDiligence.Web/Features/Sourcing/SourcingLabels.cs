using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Sourcing;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>How partner-selection values read on screen and in the report.</summary>
internal static class SourcingLabels
{
    public static string Of(SourcingStatus status) => status switch
    {
        SourcingStatus.Open => "Open",
        SourcingStatus.Decided => "Partner chosen",
        _ => status.ToString(),
    };

    /// <summary>"Rank 2", "Excluded", "Not assessed".</summary>
    public static string Place(CandidateComparison candidate) => candidate.Standing switch
    {
        CandidateStanding.Ranked => $"Rank {candidate.Ranking.Rank}",
        CandidateStanding.Excluded => "Excluded",
        _ => "Not assessed",
    };

    /// <summary>Which kept score the figures come from: "Decision 2026-10-01 (Approved with conditions)".</summary>
    public static string Source(AssessmentUsed source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var date = IsoDates.Day(source.Snapshot.TakenAtUtc);
        return source.Basis == AssessmentBasis.Decision
            ? $"Decision {date} ({(source.Assessment.Outcome is { } outcome ? AssessmentLabels.Of(outcome) : "decided")})"
            : $"Submission {date} (now {Phrase(source.Assessment.Status)})";
    }

    /// <summary>Why a candidate has no figures: "No assessment yet" or "Draft started 2026-09-01".</summary>
    public static string NoSource(CandidateComparison candidate) =>
        candidate.Draft is { } draft ? $"Draft started {IsoDates.Day(draft.CreatedAtUtc)}, not submitted" : "No assessment yet";

    private static string Phrase(AssessmentStatus status) => status switch
    {
        AssessmentStatus.LegalReview => "in legal review",
        AssessmentStatus.AwaitingDecision => "awaiting a decision",
        _ => status.ToString().ToLowerInvariant(),
    };
}
