using DueDiligence.Domain.Assessments;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>
/// One demo supplier's assessment: how the supplier answers, what evidence the analyst collected, what Legal found and
/// required, what the executive decided, and when each step happened.
/// </summary>
internal sealed record DemoAssessmentStory
{
    /// <summary>The legal name of one of the <see cref="DemoSuppliers"/>.</summary>
    public required string Supplier { get; init; }

    public required DemoAnswerer Answerer { get; init; }

    public required DemoTimeline Timeline { get; init; }

    /// <summary>Answers particular to this supplier, replacing or adding to the answerer's plan.</summary>
    public IReadOnlyDictionary<string, DemoAnswer> Answers { get; init; } = new Dictionary<string, DemoAnswer>();

    /// <summary>For a draft in progress: the only questions answered so far; null when every planned question is answered.</summary>
    public IReadOnlySet<string>? AnsweredSoFar { get; init; }

    /// <summary>Why evidence is missing, where the plan's general wording does not fit this supplier.</summary>
    public IReadOnlyDictionary<string, string> Justifications { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<DemoEvidence> Evidence { get; init; } = [];

    public IReadOnlyList<DemoFinding> Findings { get; init; } = [];

    public IReadOnlyList<DemoCondition> Conditions { get; init; } = [];

    public DemoDecision? Decision { get; init; }
}

/// <summary>How many days ago each step happened; the last step given is where the assessment stands.</summary>
internal sealed record DemoTimeline(int Started, int? Submitted = null, int? ReviewStarted = null, int? Forwarded = null, int? Decided = null)
{
    public AssessmentStatus Stage =>
        Decided is not null ? AssessmentStatus.Decided
        : Forwarded is not null ? AssessmentStatus.AwaitingDecision
        : ReviewStarted is not null ? AssessmentStatus.LegalReview
        : Submitted is not null ? AssessmentStatus.Submitted
        : AssessmentStatus.Draft;
}

/// <summary>A document the analyst uploaded for one question; "{year}" in the file name becomes the year of the upload.</summary>
/// <param name="ExpiresInDays">Days after the upload when the document stops counting (a certificate); null when it does not expire.</param>
/// <param name="Verified">Whether the legal reviewer verified it during legal review.</param>
internal sealed record DemoEvidence(
    string QuestionCode, string FileName, string Title, IReadOnlyList<string> Lines, int? ExpiresInDays = null, bool Verified = false);

/// <summary>A legal finding recorded when the review started; due in days after that.</summary>
internal sealed record DemoFinding(
    FindingSeverity Severity, string Description, DemoOwner Owner, string Mitigation, int DueInDays, string? QuestionCode = null, bool Resolved = false);

/// <summary>A contract condition recorded during legal review; due in days after that.</summary>
internal sealed record DemoCondition(string Description, DemoOwner Owner, int DueInDays);

/// <summary>Which demo user owns a finding or condition: the supplier's analyst (its owner) or the legal reviewer.</summary>
internal enum DemoOwner
{
    Analyst,
    Legal,
}

internal sealed record DemoDecision(DecisionOutcome Outcome, string Rationale);
