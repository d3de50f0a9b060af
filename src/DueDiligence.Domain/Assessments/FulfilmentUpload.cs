namespace DueDiligence.Domain.Assessments;

/// <summary>A file already saved in the evidence store, to be recorded as evidence that a condition or finding was fulfilled.</summary>
/// <param name="StorageKey">The store's name for the file; never derived from the original name.</param>
/// <param name="Sha256">SHA-256 of the stored bytes, 64 hex digits.</param>
public sealed record FulfilmentUpload(string OriginalFileName, string StorageKey, string Sha256, long Length, string ContentType);
