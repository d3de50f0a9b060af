using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Assessments;

/// <summary>
/// A piece of evidence attached to one question. Its file and fingerprint never change after upload; the analyst may set or
/// correct its expiry date while the assessment is a draft, and may withdraw it (with a reason). A withdrawn file is kept,
/// with its SHA-256, for the audit, but no longer counts as evidence. Legal review verifies it, or marks it insufficient
/// (with a reason), which also stops it counting.
/// </summary>
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
        GivenByContact = upload.GivenByContact;
    }

    /// <summary>
    /// A link, in a reassessment, to a file of the previous assessment: the same stored file (no copy of its bytes), its
    /// fingerprint and its expiry, counting while unexpired. Verification is not carried: legal verifies it again.
    /// </summary>
    internal EvidenceFile(EvidenceFile earlier, Actor actor, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        QuestionCode = earlier.QuestionCode;
        OriginalFileName = earlier.OriginalFileName;
        StorageKey = earlier.StorageKey;
        Sha256 = earlier.Sha256;
        Length = earlier.Length;
        ContentType = earlier.ContentType;
        ExpiresOn = earlier.ExpiresOn;
        UploadedById = earlier.UploadedById;
        UploadedByName = earlier.UploadedByName;
        UploadedAtUtc = earlier.UploadedAtUtc;
        CarriedFromId = earlier.CarriedFromId ?? earlier.Id;
        CarriedById = actor.Id;
        CarriedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>The first upload of the file this one links to, when it was carried forward from an earlier assessment; null for an upload.</summary>
    public Guid? CarriedFromId { get; private set; }

    /// <summary>Who started the reassessment that carried the file forward.</summary>
    public string? CarriedById { get; private set; }

    public DateTime? CarriedAtUtc { get; private set; }

    public bool IsCarriedForward => CarriedFromId.HasValue;

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

    /// <summary>The supplier contact who uploaded the file through the portal; null when someone of ours did.</summary>
    public string? GivenByContact { get; private set; }

    /// <summary>When the analyst accepted the supplier's answer this file belongs to; a supplier's file counts from then on.</summary>
    public DateTime? AcceptedAtUtc { get; private set; }

    /// <summary>Set at upload or later while a draft; evidence expiring on or before a date does not count on that date.</summary>
    public DateOnly? ExpiresOn { get; private set; }

    public string? VerifiedById { get; private set; }

    public string? VerifiedByName { get; private set; }

    public DateTime? VerifiedAtUtc { get; private set; }

    public bool IsVerified => VerifiedAtUtc.HasValue;

    /// <summary>Why the analyst withdrew the file; null while it counts.</summary>
    public string? WithdrawalReason { get; private set; }

    public string? WithdrawnById { get; private set; }

    public string? WithdrawnByName { get; private set; }

    public DateTime? WithdrawnAtUtc { get; private set; }

    /// <summary>Withdrawn (superseded) by the analyst: kept for the audit, no longer evidence for the score or the submission.</summary>
    public bool IsWithdrawn => WithdrawnAtUtc.HasValue;

    /// <summary>Why a legal reviewer found the file insufficient; null unless it was marked so.</summary>
    public string? InsufficientReason { get; private set; }

    public string? InsufficientById { get; private set; }

    public string? InsufficientByName { get; private set; }

    public DateTime? InsufficientAtUtc { get; private set; }

    /// <summary>Marked insufficient by a legal reviewer: kept and shown, no longer evidence for the score or the submission.</summary>
    public bool IsInsufficient => InsufficientAtUtc.HasValue;

    /// <summary>
    /// Whether the file counts as attached evidence (SCORING.md §2, policy 2026.2): neither withdrawn nor marked insufficient.
    /// A file a supplier contact uploaded counts only once the analyst accepted the supplier's answer to its question.
    /// </summary>
    public bool CountsAsAttached => !IsWithdrawn && !IsInsufficient && (GivenByContact is null || AcceptedAtUtc.HasValue);

    internal void Accept(DateTime nowUtc) => AcceptedAtUtc ??= nowUtc;

    /// <summary>Whether the evidence counts on <paramref name="asOf"/>: attached (<see cref="CountsAsAttached"/>) and not expired.</summary>
    public bool IsCurrentOn(DateOnly asOf) => CountsAsAttached && (ExpiresOn is not { } expiresOn || expiresOn > asOf);

    /// <summary>What scoring needs to know about this file.</summary>
    public EvidenceItem ToEvidenceItem() => new(IsVerified, ExpiresOn);

    internal void Verify(Actor actor, DateTime nowUtc)
    {
        if (IsWithdrawn)
        {
            throw new DomainException($"“{OriginalFileName}” was withdrawn by {WithdrawnByName}; it is no longer evidence.");
        }

        if (IsVerified)
        {
            throw new DomainException(
                $"“{OriginalFileName}” was already verified by {VerifiedByName} at {AssessmentWording.Date(VerifiedAtUtc!.Value)}.");
        }

        if (IsInsufficient)
        {
            throw new DomainException($"“{OriginalFileName}” was marked insufficient by {InsufficientByName}; ask the analyst for a better document.");
        }

        VerifiedById = actor.Id;
        VerifiedByName = actor.Name;
        VerifiedAtUtc = nowUtc;
    }

    internal void MarkInsufficient(string? reason, Actor actor, DateTime nowUtc)
    {
        if (IsWithdrawn)
        {
            throw new DomainException($"“{OriginalFileName}” was withdrawn by {WithdrawnByName}; it no longer counts, so there is nothing to mark.");
        }

        if (IsInsufficient)
        {
            throw new DomainException($"“{OriginalFileName}” was already marked insufficient by {InsufficientByName} at {AssessmentWording.Date(InsufficientAtUtc!.Value)}.");
        }

        InsufficientReason = Text.Required(reason, $"Say why “{OriginalFileName}” is insufficient (for example: the certificate names another company), so that the analyst knows what to bring.", 1000);
        InsufficientById = actor.Id;
        InsufficientByName = actor.Name;
        InsufficientAtUtc = nowUtc;
    }

    internal void Withdraw(string? reason, Actor actor, DateTime nowUtc)
    {
        if (IsWithdrawn)
        {
            throw new DomainException($"“{OriginalFileName}” was already withdrawn by {WithdrawnByName} at {AssessmentWording.Date(WithdrawnAtUtc!.Value)}.");
        }

        WithdrawalReason = Text.Required(reason, $"Say why “{OriginalFileName}” is withdrawn (for example: superseded by a newer certificate).", 1000);
        WithdrawnById = actor.Id;
        WithdrawnByName = actor.Name;
        WithdrawnAtUtc = nowUtc;
    }

    internal void ChangeExpiry(DateOnly? expiresOn, DateTime nowUtc)
    {
        if (IsWithdrawn)
        {
            throw new DomainException($"“{OriginalFileName}” was withdrawn; its expiry date no longer matters.");
        }

        if (IsVerified)
        {
            throw new DomainException(
                $"“{OriginalFileName}” was verified by {VerifiedByName} with its current expiry date; withdraw it and upload it again with the right date.");
        }

        if (expiresOn is { } date && date <= DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainException(
                $"An expiry date of {AssessmentWording.Date(date)} means “{OriginalFileName}” no longer counts as evidence; choose a later date, or withdraw the file and upload a current document.");
        }

        ExpiresOn = expiresOn;
    }

    internal static string CheckSha256(string? sha256)
    {
        var value = sha256?.Trim().ToLowerInvariant();
        return value is { Length: 64 } && value.All(static c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f')
            ? value
            : throw new DomainException($"“{sha256}” is not a SHA-256 fingerprint (64 hexadecimal digits).");
    }
}
