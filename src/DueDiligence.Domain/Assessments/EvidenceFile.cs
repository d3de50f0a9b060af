using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Assessments;

/// <summary>A piece of evidence attached to one question; its file and metadata never change after upload, it can only be verified.</summary>
public sealed class EvidenceFile
{
    private EvidenceFile()
    {
    }

    internal EvidenceFile(EvidenceUpload upload, Actor actor, DateTime nowUtc)
    {
        OriginalFileName = Text.Required(upload.OriginalFileName, "The evidence file needs its original name.", 255);
        if (upload.Length <= 0)
        {
            throw new DomainException($"“{OriginalFileName}” is empty; upload the document itself.");
        }

        if (upload.ExpiresOn is { } expiresOn && expiresOn <= DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainException(
                $"“{OriginalFileName}” expired on {AssessmentWording.Date(expiresOn)}, so it cannot count as evidence; upload a current document or correct the expiry date.");
        }

        Id = Guid.CreateVersion7();
        QuestionCode = upload.QuestionCode;
        StorageKey = Text.Required(upload.StorageKey, "The evidence file needs its storage key.", 100);
        Sha256 = CheckSha256(upload.Sha256);
        Length = upload.Length;
        ContentType = Text.Required(upload.ContentType, "The evidence file needs its content type.", 127);
        ExpiresOn = upload.ExpiresOn;
        UploadedById = actor.Id;
        UploadedByName = actor.Name;
        UploadedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public string QuestionCode { get; private set; } = "";

    /// <summary>The name the analyst uploaded, kept as metadata only.</summary>
    public string OriginalFileName { get; private set; } = "";

    public string StorageKey { get; private set; } = "";

    /// <summary>SHA-256 of the stored bytes, 64 lower-case hex digits.</summary>
    public string Sha256 { get; private set; } = "";

    public long Length { get; private set; }

    public string ContentType { get; private set; } = "";

    public string UploadedById { get; private set; } = "";

    public string UploadedByName { get; private set; } = "";

    public DateTime UploadedAtUtc { get; private set; }

    /// <summary>Set at upload; evidence expiring on or before a date does not count on that date.</summary>
    public DateOnly? ExpiresOn { get; private set; }

    public string? VerifiedById { get; private set; }

    public string? VerifiedByName { get; private set; }

    public DateTime? VerifiedAtUtc { get; private set; }

    public bool IsVerified => VerifiedAtUtc.HasValue;

    /// <summary>Whether the evidence still counts on <paramref name="asOf"/>.</summary>
    public bool IsCurrentOn(DateOnly asOf) => ExpiresOn is not { } expiresOn || expiresOn > asOf;

    /// <summary>What scoring needs to know about this file.</summary>
    public EvidenceItem ToEvidenceItem() => new(IsVerified, ExpiresOn);

    internal void Verify(Actor actor, DateTime nowUtc)
    {
        if (IsVerified)
        {
            throw new DomainException(
                $"“{OriginalFileName}” was already verified by {VerifiedByName} at {AssessmentWording.Date(VerifiedAtUtc!.Value)}.");
        }

        VerifiedById = actor.Id;
        VerifiedByName = actor.Name;
        VerifiedAtUtc = nowUtc;
    }

    private static string CheckSha256(string? sha256)
    {
        var value = sha256?.Trim().ToLowerInvariant();
        return value is { Length: 64 } && value.All(static c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f')
            ? value
            : throw new DomainException($"“{sha256}” is not a SHA-256 fingerprint (64 hexadecimal digits).");
    }
}
