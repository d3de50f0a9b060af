using DueDiligence.Domain.Assessments;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>Which kept score of an assessment stands for its supplier in a comparison.</summary>
public enum AssessmentBasis
{
    /// <summary>The score the approver decided on.</summary>
    Decision,

    /// <summary>The score the analyst submitted; legal review and the decision may still change the picture.</summary>
    Submission,
}

/// <summary>A score snapshot without its content, to choose by.</summary>
public sealed record SnapshotStamp(Guid Id, ScoreSnapshotKind Kind, DateTime TakenAtUtc);

/// <summary>One assessment of a supplier, as much as choosing the one to compare needs.</summary>
public sealed record AssessmentStamp(
    Guid Id, AssessmentStatus Status, DecisionOutcome? Outcome, DateTime CreatedAtUtc, string Template, IReadOnlyList<SnapshotStamp> Snapshots);

/// <summary>The assessment whose figures a candidate is compared on, and which of its kept scores.</summary>
public sealed record AssessmentUsed(AssessmentStamp Assessment, SnapshotStamp Snapshot)
{
    public AssessmentBasis Basis => Snapshot.Kind == ScoreSnapshotKind.Decision ? AssessmentBasis.Decision : AssessmentBasis.Submission;
}

/// <summary>
/// The rule for "the latest assessment" of a candidate: the score of the most recently decided assessment, else the
/// score submitted by the most recent assessment still in the workflow (submitted, in legal review or awaiting a decision),
/// else none — a supplier with drafts only is not assessed yet.
/// </summary>
/// <remarks>
/// A decision beats a newer submission because it has been through legal review and an approver; a submission that was
/// returned to draft no longer counts, because the reviewer sent it back for being wrong or incomplete. Live scores are
/// never used: they drift as evidence expires, and a comparison must show figures someone stands behind.
/// </remarks>
internal static class LatestAssessment
{
    private static readonly AssessmentStatus[] InWorkflow = [AssessmentStatus.Submitted, AssessmentStatus.LegalReview, AssessmentStatus.AwaitingDecision];

    public static AssessmentUsed? Of(IEnumerable<AssessmentStamp> assessments)
    {
        var all = assessments.ToList();
        return Latest(all.Where(a => a.Status == AssessmentStatus.Decided), ScoreSnapshotKind.Decision)
            ?? Latest(all.Where(a => InWorkflow.Contains(a.Status)), ScoreSnapshotKind.Submission);
    }

    /// <summary>The newest draft, to point at when a supplier has no assessment to compare yet.</summary>
    public static AssessmentStamp? DraftOf(IEnumerable<AssessmentStamp> assessments) =>
        assessments.Where(a => a.Status == AssessmentStatus.Draft).MaxBy(a => a.CreatedAtUtc);

    private static AssessmentUsed? Latest(IEnumerable<AssessmentStamp> assessments, ScoreSnapshotKind kind) =>
        assessments
            .Select(a => (Assessment: a, Snapshot: a.Snapshots.Where(s => s.Kind == kind).MaxBy(s => s.TakenAtUtc)))
            .Where(p => p.Snapshot is not null)
            .OrderByDescending(p => p.Snapshot!.TakenAtUtc)
            .Select(p => new AssessmentUsed(p.Assessment, p.Snapshot!))
            .FirstOrDefault();
}
