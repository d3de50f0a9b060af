using System.Security.Cryptography;
using System.Text;

namespace DueDiligence.Domain.Auditing;

/// <summary>
/// The chain rules, by version. Rule 1 (events written before December 2026): SHA-256 of the previous hash and the
/// event's content — anyone who can write to the database can recompute it. Rule 2 (every event written now): HMAC-SHA256
/// of the same text with a secret key that is never in the database, so that only the app can compute a link. The key
/// also signs checkpoints and receipts.
/// </summary>
public sealed class AuditChainSigner
{
    public const int Unkeyed = 1;
    public const int Keyed = 2;

    /// <summary>The rule of every new event.</summary>
    public const int CurrentVersion = Keyed;

    public const int MinimumKeyLength = 32;

    private readonly byte[] _key;

    public AuditChainSigner(byte[] key)
    {
        if (key.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"The audit chain key must be at least {MinimumKeyLength} bytes long; it is {key.Length}.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>The hash (rule 1) or MAC (rule 2) that links an event with this content to the previous one.</summary>
    public string Link(int version, string previousHash, string canonicalContent) => version switch
    {
        Unkeyed => AuditChain.ComputeHash(previousHash, canonicalContent),
        Keyed => Sign(previousHash + "\n" + canonicalContent),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "There is no audit chain rule of this version."),
    };

    /// <summary>HMAC-SHA256 of the text with the key, lower-case hex.</summary>
    public string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    /// <summary>Compares a signature in constant time.</summary>
    public bool IsSignedBy(string text, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(text)), Encoding.ASCII.GetBytes(signature));
}
