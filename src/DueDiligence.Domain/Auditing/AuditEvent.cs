namespace DueDiligence.Domain.Auditing;

/// <summary>An append-only record of one change to one audited record, chained to the event before it by a hash or MAC.</summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
    }

    /// <summary>Position in the chain; assigned by the database in insertion order.</summary>
    public long Id { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    public string Actor { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string EntityKey { get; private set; } = "";

    public AuditAction Action { get; private set; }

    /// <summary>JSON object: field name → { "before": …, "after": … }.</summary>
    public string Changes { get; private set; } = "{}";

    public string PreviousHash { get; private set; } = "";

    /// <summary>The rule that computed <see cref="Hash"/>: 1 = SHA-256 (before December 2026), 2 = HMAC-SHA256 with the chain key.</summary>
    public int ChainVersion { get; private set; } = AuditChainSigner.Unkeyed;

    public string Hash { get; private set; } = "";

    /// <summary>
    /// The id of the supplier the changed record belongs to (the supplier itself, its sites, contacts and other children, its
    /// assessments and theirs), or null: an index for the supplier's History tab, derived from the event's own content and
    /// outside the hash (docs/security.md, Audit trail integrity).
    /// </summary>
    public string? SupplierKey { get; private set; }

    /// <summary>Creates the next event of the chain after the event whose hash is <paramref name="previousHash"/>, by the current rule.</summary>
    public static AuditEvent Create(
        AuditChainSigner signer,
        string previousHash, DateTime occurredAtUtc, string actor, string entityType, string entityKey, AuditAction action, string changes,
        string? supplierKey = null)
    {
        var audit = new AuditEvent
        {
            OccurredAtUtc = DateTime.SpecifyKind(occurredAtUtc, DateTimeKind.Utc),
            Actor = actor,
            EntityType = entityType,
            EntityKey = entityKey,
            Action = action,
            Changes = changes,
            PreviousHash = previousHash,
            ChainVersion = AuditChainSigner.CurrentVersion,
            SupplierKey = supplierKey,
        };
        audit.Hash = signer.Link(audit.ChainVersion, previousHash, audit.CanonicalContent());
        return audit;
    }

    /// <summary>
    /// The text the hash covers: every field but the id, the hashes, the rule version and the supplier index, in a fixed order
    /// and format.
    /// </summary>
    public string CanonicalContent() =>
        string.Join(
            '\n',
            OccurredAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            Actor,
            EntityType,
            EntityKey,
            Action.ToString(),
            Changes);
}
