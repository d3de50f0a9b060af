namespace DueDiligence.Domain.Assessments;

/// <summary>What a legal reviewer or the approver enters for a contract condition; its owner, a user, is assigned on its own (<see cref="Assessment.AssignCondition"/>).</summary>
public sealed record ConditionDetails(string Description, DateOnly DueOn);
