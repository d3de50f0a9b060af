namespace DueDiligence.Domain.Assessments;

/// <summary>What a legal reviewer enters for a finding; its owner, a user, is assigned on its own (<see cref="Assessment.AssignFinding"/>).</summary>
/// <param name="QuestionCode">The question the finding is about, if any; must be a question of the assessment's questionnaire.</param>
public sealed record FindingDetails(
    FindingSeverity Severity,
    string Description,
    string? RecommendedMitigation = null,
    DateOnly? DueOn = null,
    string? QuestionCode = null);
