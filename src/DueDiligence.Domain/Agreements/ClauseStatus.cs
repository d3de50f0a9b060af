namespace DueDiligence.Domain.Agreements;

/// <summary>What the reviewer found for one clause in one agreement.</summary>
public enum ClauseStatus
{
    Present,
    Missing,
    NotApplicable,
}
