namespace DueDiligence.Domain.Scoring;

/// <summary>The evidence attached to the answer of one question.</summary>
public sealed record EvidenceState(string QuestionCode, IReadOnlyList<EvidenceItem> Items);
