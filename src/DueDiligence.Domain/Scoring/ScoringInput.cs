using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Scoring;

/// <summary>Everything a score depends on; the same input always gives the same result.</summary>
public sealed record ScoringInput
{
    /// <summary>The template snapshot the assessment answers.</summary>
    public required TemplateDefinition Template { get; init; }

    /// <summary>At most one answer per question code; questions without an answer are unanswered.</summary>
    public IReadOnlyList<Answer> Answers { get; init; } = [];

    /// <summary>At most one entry per question code.</summary>
    public IReadOnlyList<EvidenceState> Evidence { get; init; } = [];

    /// <summary>The highest sensitivity (1–5) of the IP we would share, or 0 when we share none.</summary>
    public int MaxSensitivity { get; init; }

    /// <summary>The jurisdiction risk of the supplier's HQ country and of every site country; the worst one counts.</summary>
    public IReadOnlyList<JurisdictionRiskResult> Jurisdictions { get; init; } = [];

    /// <summary>Codes of questions whose knock-out a Legal reviewer or the approver has waived.</summary>
    public IReadOnlyCollection<string> WaivedKnockOuts { get; init; } = [];

    /// <summary>Today for a live score; the snapshot's date for a stored one.</summary>
    public required DateOnly AsOf { get; init; }

    public ScoringPolicy Policy { get; init; } = ScoringPolicy.Default;
}
