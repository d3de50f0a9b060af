namespace DueDiligence.Domain.Assessments;

/// <summary>What a legal reviewer or the approver enters for a contract condition.</summary>
public sealed record ConditionDetails(string Description, string Owner, DateOnly DueOn);
