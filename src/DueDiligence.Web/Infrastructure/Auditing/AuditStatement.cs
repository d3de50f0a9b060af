using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DueDiligence.Domain.Auditing;

namespace DueDiligence.Web.Infrastructure.Auditing;

/// <summary>
/// A checkpoint (written to the checkpoint folder after every audited save), a receipt (downloaded by an administrator) or
/// the record of a full verification (kept in the checkpoint folder, where a quick check starts from): the chain's last
/// event, its MAC and rule version, when — and, for a receipt and a verification, how many events there were — signed
/// with the audit chain key, so that nobody without the key can forge or alter one.
/// </summary>
public sealed record AuditStatement(
    string Kind,
    long EventId,
    string Mac,
    int ChainVersion,
    long? EventCount,
    DateTimeOffset WrittenUtc,
    string Signature)
{
    public const string CheckpointKind = "audit-checkpoint";
    public const string ReceiptKind = "audit-receipt";
    public const string VerifiedKind = "audit-verified";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static AuditStatement Create(AuditChainSigner signer, string kind, long eventId, string mac, int chainVersion, long? eventCount, DateTimeOffset now)
    {
        var unsigned = new AuditStatement(kind, eventId, mac, chainVersion, eventCount, now.ToUniversalTime(), "");
        return unsigned with { Signature = signer.Sign(unsigned.SignedText()) };
    }

    public bool IsSignedBy(AuditChainSigner signer) => signer.IsSignedBy(SignedText(), Signature);

    /// <summary>The anchor verification checks the chain against, named for the report.</summary>
    public AuditAnchor ToAnchor() => new(
        $"the {Kind switch { ReceiptKind => "receipt", VerifiedKind => "full verification", _ => "checkpoint" }} of {WrittenUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC",
        EventId, Mac, ChainVersion, EventCount);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The statement in <paramref name="json"/>, or null when the text is not one.</summary>
    public static AuditStatement? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<AuditStatement>(json, Json) is { Kind: CheckpointKind or ReceiptKind or VerifiedKind, Mac: not null, Signature: not null } statement
                ? statement
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string SignedText() => string.Join(
        '\n',
        Kind,
        EventId.ToString(CultureInfo.InvariantCulture),
        Mac,
        ChainVersion.ToString(CultureInfo.InvariantCulture),
        EventCount?.ToString(CultureInfo.InvariantCulture) ?? "",
        WrittenUtc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
}
