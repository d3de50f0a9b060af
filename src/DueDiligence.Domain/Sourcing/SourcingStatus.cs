namespace DueDiligence.Domain.Sourcing;

/// <summary>Whether the partner of a sourcing project is still to be chosen.</summary>
public enum SourcingStatus
{
    Open,
    Decided,
}
