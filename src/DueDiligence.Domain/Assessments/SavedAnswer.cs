namespace DueDiligence.Domain.Assessments;

/// <summary>What a saved answer gives back: its new version (for the next save of that question), when and who saved it.</summary>
public sealed record SavedAnswer(string QuestionCode, Guid Version, DateTime SavedAtUtc, Actor SavedBy);
