namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>An evidence file as stored: where to find it, its fingerprint and what it really is.</summary>
/// <param name="StorageKey">Random name of the stored file (32 lower-case hex digits); never derived from the original name.</param>
/// <param name="Sha256">SHA-256 of the stored bytes, lower-case hex.</param>
/// <param name="ContentType">The Content-Type to serve, from the detected content, never from the client.</param>
/// <param name="OriginalFileName">The name the analyst uploaded, kept as metadata only.</param>
public sealed record StoredEvidenceFile(string StorageKey, string Sha256, long Length, string ContentType, string OriginalFileName);
