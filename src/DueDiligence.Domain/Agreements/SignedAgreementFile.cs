namespace DueDiligence.Domain.Agreements;

/// <summary>The signed copy of an agreement as the evidence store keeps it.</summary>
public sealed record SignedAgreementFile(string StorageKey, string Sha256, long Length, string ContentType, string OriginalFileName, string UploadedBy, DateTime UploadedAtUtc);
