using System.Security.Cryptography;
using System.Text;

namespace DueDiligence.Domain.Auditing;

/// <summary>Hashing and verification of the audit chain: each hash is SHA-256 of the previous hash and the event's canonical content.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first event.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string ComputeHash(string previousHash, string canonicalContent)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + "\n" + canonicalContent);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Walks the events in chain order and names the first one whose link or content does not match.</summary>
    public static AuditChainVerification Verify(IEnumerable<AuditEvent> eventsInOrder)
    {
        var expectedPrevious = Genesis;
        var count = 0;
        foreach (var audit in eventsInOrder)
        {
            if (Check(audit, expectedPrevious) is { } reason)
            {
                return AuditChainVerification.Broken(count, audit.Id, reason);
            }

            expectedPrevious = audit.Hash;
            count++;
        }

        return AuditChainVerification.Intact(count);
    }

    /// <summary>As <see cref="Verify(IEnumerable{AuditEvent})"/>, streaming, so that a long trail is never held in memory.</summary>
    public static async Task<AuditChainVerification> VerifyAsync(IAsyncEnumerable<AuditEvent> eventsInOrder, CancellationToken cancellationToken = default)
    {
        var expectedPrevious = Genesis;
        var count = 0;
        await foreach (var audit in eventsInOrder.WithCancellation(cancellationToken))
        {
            if (Check(audit, expectedPrevious) is { } reason)
            {
                return AuditChainVerification.Broken(count, audit.Id, reason);
            }

            expectedPrevious = audit.Hash;
            count++;
        }

        return AuditChainVerification.Intact(count);
    }

    private static string? Check(AuditEvent audit, string expectedPrevious)
    {
        if (audit.PreviousHash != expectedPrevious)
        {
            return "its link to the previous event does not match (an event before it was removed, inserted or altered)";
        }

        return ComputeHash(audit.PreviousHash, audit.CanonicalContent()) != audit.Hash
            ? "its content does not match its hash (the event was altered)"
            : null;
    }
}
