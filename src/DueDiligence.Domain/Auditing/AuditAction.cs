namespace DueDiligence.Domain.Auditing;

/// <summary>What happened to the audited record.</summary>
public enum AuditAction
{
    Insert,
    Update,
    Delete,
}
