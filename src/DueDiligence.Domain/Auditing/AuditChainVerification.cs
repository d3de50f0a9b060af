namespace DueDiligence.Domain.Auditing;

/// <summary>The outcome of verifying the audit chain.</summary>
public sealed record AuditChainVerification(bool IsIntact, int VerifiedCount, long? FirstBrokenEventId, string? Reason)
{
    public static AuditChainVerification Intact(int count) => new(true, count, null, null);

    public static AuditChainVerification Broken(int verifiedBefore, long eventId, string reason) => new(false, verifiedBefore, eventId, reason);
}
