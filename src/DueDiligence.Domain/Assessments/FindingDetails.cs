namespace DueDiligence.Domain.Assessments;

/// <summary>What a legal reviewer enters for a finding.</summary>
/// <param name="QuestionCode">The question the finding is about, if any; must be a question of the assessment's questionnaire.</param>
public sealed record FindingDetails(
    FindingSeverity Severity,
    string Description,
    string Owner,
    string? RecommendedMitigation = null,
    DateOnly? DueOn = null,
    string? QuestionCode = null);
