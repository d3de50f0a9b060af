using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

/// <summary>
/// A file showing that a contract condition was met or a finding resolved (a signed NDA addendum, an audit report). Kept in
/// the evidence store like answer evidence; it never counts in the score.
/// </summary>
public sealed class FulfilmentEvidence
{
    private FulfilmentEvidence()
    {
    }

    internal FulfilmentEvidence(FulfilmentUpload upload, Actor actor, DateTime nowUtc)
    {
        OriginalFileName = Text.Required(upload.OriginalFileName, "The file needs its original name.", 255);
        if (upload.Length <= 0)
        {
            throw new DomainException($"“{OriginalFileName}” is empty; upload the document itself.");
        }

        Id = Guid.CreateVersion7();
        StorageKey = Text.Required(upload.StorageKey, "The file needs its storage key.", 100);
        Sha256 = EvidenceFile.CheckSha256(upload.Sha256);
        Length = upload.Length;
        ContentType = Text.Required(upload.ContentType, "The file needs its content type.", 127);
        UploadedById = actor.Id;
        UploadedByName = actor.Name;
        UploadedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>The name it was uploaded with, kept as metadata only.</summary>
    public string OriginalFileName { get; private set; } = "";

    public string StorageKey { get; private set; } = "";

    /// <summary>SHA-256 of the stored bytes, 64 lower-case hex digits.</summary>
    public string Sha256 { get; private set; } = "";

    public long Length { get; private set; }

    public string ContentType { get; private set; } = "";

    public string UploadedById { get; private set; } = "";

    public string UploadedByName { get; private set; } = "";

    public DateTime UploadedAtUtc { get; private set; }
}
