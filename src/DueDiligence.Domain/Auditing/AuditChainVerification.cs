namespace DueDiligence.Domain.Auditing;

/// <summary>
/// The outcome of verifying the audit chain: how many events verify under each rule version, and either the first event
/// that does not (with the reason) or the anchors (checkpoint, receipt) the chain was found to match.
/// </summary>
/// <param name="VerifiedCount">Events of the chain up to the last one verified, including those before <paramref name="Since"/>.</param>
/// <param name="VerifiedByVersion">Events walked now, by rule version (none before <paramref name="Since"/>).</param>
/// <param name="End">Where the intact chain ends (its last event, MAC, rule and count), for a later walk to start from.</param>
/// <param name="Since">The earlier full verification the walk started after, or null when it started at the first event.</param>
public sealed record AuditChainVerification(
    bool IsIntact,
    int VerifiedCount,
    long? FirstBrokenEventId,
    string? Reason,
    IReadOnlyDictionary<int, int> VerifiedByVersion,
    IReadOnlyList<string> MatchedAnchors,
    AuditAnchor? End = null,
    AuditAnchor? Since = null)
{
    public static AuditChainVerification Intact(int count, IReadOnlyDictionary<int, int> byVersion, IReadOnlyList<string> anchors, AuditAnchor? end = null, AuditAnchor? since = null) =>
        new(true, count, null, null, byVersion, anchors, end, since);

    public static AuditChainVerification Broken(int verifiedBefore, long? eventId, string reason, IReadOnlyDictionary<int, int> byVersion) =>
        new(false, verifiedBefore, eventId, reason, byVersion, []);
}
