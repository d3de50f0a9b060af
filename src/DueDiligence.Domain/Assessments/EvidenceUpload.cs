namespace DueDiligence.Domain.Assessments;

/// <summary>A file already saved in the evidence store, to be recorded against one question.</summary>
/// <param name="StorageKey">The store's name for the file; never derived from the original name.</param>
/// <param name="Sha256">SHA-256 of the stored bytes, 64 hex digits.</param>
/// <param name="ExpiresOn">When the document stops counting (e.g. a certificate's expiry); null when it does not expire.</param>
/// <param name="GivenByContact">The supplier contact who uploaded it through the portal; null for our own uploads.</param>
public sealed record EvidenceUpload(
    string QuestionCode,
    string OriginalFileName,
    string StorageKey,
    string Sha256,
    long Length,
    string ContentType,
    DateOnly? ExpiresOn = null,
    string? GivenByContact = null);
