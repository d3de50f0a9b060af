using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DueDiligence.Domain.Auditing;

/// <summary>
/// Verification of the audit chain: each event links to the one before it by the rule of its version (see
/// <see cref="AuditChainSigner"/>); once keyed events begin, no unkeyed event may follow; and the chain must still hold
/// the last event of every anchor (checkpoint, receipt) with the MAC the anchor records.
/// </summary>
public static class AuditChain
{
    /// <summary>
    /// The record type of the event the app appends when it finds, before appending, that the newest checkpoint's event is
    /// no longer in the trail as recorded. Verification reports the chain broken at such an event.
    /// </summary>
    public const string TamperingFoundType = "AuditTrailTampering";

    /// <summary>The previous hash of the first event.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Rule 1: SHA-256 of the previous hash and the content.</summary>
    public static string ComputeHash(string previousHash, string canonicalContent)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + "\n" + canonicalContent);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Walks the events in chain order, streaming, and names the first one whose link or content does not match.</summary>
    /// <param name="eventsInOrder">Every event from the first; or, with <paramref name="since"/>, every event after its event.</param>
    /// <param name="since">
    /// Where an earlier full verification found the chain intact (its last event, MAC, rule and count): the walk continues
    /// from there. The caller first checks that the table still holds that event with that MAC and count; the events before
    /// it are not walked again, so a change to one of them is found only by a full verification.
    /// </param>
    public static async Task<AuditChainVerification> VerifyAsync(
        IAsyncEnumerable<AuditEvent> eventsInOrder, AuditChainSigner signer, IReadOnlyList<AuditAnchor>? anchors = null, CancellationToken cancellationToken = default,
        AuditAnchor? since = null)
    {
        anchors = anchors?.Where(a => since is null || a.EventId > since.EventId).ToList() ?? [];
        var expectedPrevious = since?.Mac ?? Genesis;
        var byVersion = new SortedDictionary<int, int>();
        var highestVersion = since?.ChainVersion ?? 0;
        var count = (int)(since?.EventCount ?? 0);
        long? lastId = since?.EventId;
        var lastHash = since?.Mac;
        var found = new Dictionary<AuditAnchor, (string Hash, int Version, int Count)>();
        await foreach (var audit in eventsInOrder.WithCancellation(cancellationToken))
        {
            if (Check(audit, expectedPrevious, highestVersion, signer) is { } reason)
            {
                return AuditChainVerification.Broken(count, audit.Id, reason, byVersion);
            }

            expectedPrevious = audit.Hash;
            highestVersion = Math.Max(highestVersion, audit.ChainVersion);
            byVersion[audit.ChainVersion] = byVersion.GetValueOrDefault(audit.ChainVersion) + 1;
            count++;
            lastId = audit.Id;
            lastHash = audit.Hash;
            foreach (var anchor in anchors.Where(a => a.EventId == audit.Id))
            {
                found[anchor] = (audit.Hash, audit.ChainVersion, count);
            }
        }

        foreach (var anchor in anchors)
        {
            if (Compare(anchor, found.TryGetValue(anchor, out var at) ? at : null, lastId) is { } reason)
            {
                return AuditChainVerification.Broken(count, anchor.EventId, reason, byVersion);
            }
        }

        var end = lastId is { } endId ? new AuditAnchor("the end of the chain", endId, lastHash!, highestVersion, count) : null;
        return AuditChainVerification.Intact(count, byVersion, anchors.Select(a => a.Source).ToList(), end, since);
    }

    private static string? Check(AuditEvent audit, string expectedPrevious, int highestVersion, AuditChainSigner signer)
    {
        if (audit.ChainVersion is not (AuditChainSigner.Unkeyed or AuditChainSigner.Keyed))
        {
            return $"its chain rule version {audit.ChainVersion} is not known (the event was altered)";
        }

        if (audit.ChainVersion < highestVersion)
        {
            return $"it is linked by rule {audit.ChainVersion} after events of rule {highestVersion} (the chain was rewritten without the key)";
        }

        if (audit.PreviousHash != expectedPrevious)
        {
            return "its link to the previous event does not match (an event before it was removed, inserted or altered)";
        }

        if (signer.Link(audit.ChainVersion, audit.PreviousHash, audit.CanonicalContent()) != audit.Hash)
        {
            return "its content does not match its hash (the event was altered)";
        }

        return audit.EntityType == TamperingFoundType
            ? "when the app appended this event it found the trail before it cut short or rewritten (the event's details say how)"
            : null;
    }

    private static string? Compare(AuditAnchor anchor, (string Hash, int Version, int Count)? found, long? lastId)
    {
        if (found is not { } at)
        {
            return lastId is null || lastId < anchor.EventId
                ? $"the audit trail ends at {(lastId is null ? "no event" : $"event {lastId}")}, but {anchor.Source} records event {anchor.EventId}: events were removed from its end"
                : $"this event, which {anchor.Source} records, is missing from the audit trail";
        }

        if (at.Hash != anchor.Mac || at.Version != anchor.ChainVersion)
        {
            return $"it does not carry the MAC {anchor.Source} records: it or an event before it was altered and the chain recomputed";
        }

        return anchor.EventCount is { } expected && expected != at.Count
            ? $"the audit trail holds {at.Count.ToString(CultureInfo.InvariantCulture)} events up to this one, but {anchor.Source} records {expected}: events before it were removed or added"
            : null;
    }
}
