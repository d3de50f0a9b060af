namespace DueDiligence.Domain.Auditing;

/// <summary>
/// The outcome of verifying the audit chain: how many events verify under each rule version, and either the first event
/// that does not (with the reason) or the anchors (checkpoint, receipt) the chain was found to match.
/// </summary>
public sealed record AuditChainVerification(
    bool IsIntact,
    int VerifiedCount,
    long? FirstBrokenEventId,
    string? Reason,
    IReadOnlyDictionary<int, int> VerifiedByVersion,
    IReadOnlyList<string> MatchedAnchors)
{
    public static AuditChainVerification Intact(int count, IReadOnlyDictionary<int, int> byVersion, IReadOnlyList<string> anchors) =>
        new(true, count, null, null, byVersion, anchors);

    public static AuditChainVerification Broken(int verifiedBefore, long? eventId, string reason, IReadOnlyDictionary<int, int> byVersion) =>
        new(false, verifiedBefore, eventId, reason, byVersion, []);
}
