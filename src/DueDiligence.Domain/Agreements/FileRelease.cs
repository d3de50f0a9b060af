using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Domain.Agreements;

/// <summary>What is recorded when files leave for a supplier.</summary>
public sealed record ReleaseDetails(
    string FileName,
    string Sha256,
    IpAssetCategory AssetKind,
    int Sensitivity,
    DateOnly ReleasedOn,
    string ApprovedById,
    string ApprovedByName,
    Guid? AgreementId,
    DateOnly? ReturnOrDestroyBy);

/// <summary>
/// One release of a file to a supplier, in the ledger that proves the "reasonable measures" trade-secret law asks for:
/// what left (name and SHA-256), how sensitive it is, when, who approved it, under which agreement and by when it must be
/// returned or destroyed. A release is a fact: it is not edited; its return or destruction is confirmed once.
/// </summary>
public sealed class FileRelease
{
    private FileRelease()
    {
    }

    public FileRelease(Guid supplierId, ReleaseDetails details, string recordedBy, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.ReleasedOn > today)
        {
            throw new DomainException($"The release date {details.ReleasedOn:yyyy-MM-dd} is in the future; record a release once the files have left.");
        }

        if (details.Sensitivity is < 1 or > 5)
        {
            throw new DomainException("Rate sensitivity from 1 (low) to 5 (crown jewels).");
        }

        if (details.ReturnOrDestroyBy is { } due && due < details.ReleasedOn)
        {
            throw new DomainException($"The return-or-destroy date {due:yyyy-MM-dd} is before the release on {details.ReleasedOn:yyyy-MM-dd}.");
        }

        Id = Guid.CreateVersion7();
        SupplierId = supplierId;
        FileName = Text.Required(details.FileName, "Give the name of the file released.", 260);
        Sha256 = NormaliseSha256(details.Sha256);
        AssetKind = details.AssetKind;
        Sensitivity = details.Sensitivity;
        ReleasedOn = details.ReleasedOn;
        ApprovedById = Text.Required(details.ApprovedById, "Choose who approved the release.", 450);
        ApprovedByName = Text.Required(details.ApprovedByName, "Choose who approved the release.", 256);
        AgreementId = details.AgreementId;
        ReturnOrDestroyBy = details.ReturnOrDestroyBy;
        RecordedBy = recordedBy;
        RecordedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>SHA-256 of the file released, 64 lower-case hex digits.</summary>
    public string Sha256 { get; private set; } = "";

    public IpAssetCategory AssetKind { get; private set; }

    /// <summary>1 (low) to 5 (crown jewels), as in the IP exposure profile.</summary>
    public int Sensitivity { get; private set; }

    public DateOnly ReleasedOn { get; private set; }

    public string ApprovedById { get; private set; } = "";

    public string ApprovedByName { get; private set; } = "";

    /// <summary>The agreement it was released under; null when none was named.</summary>
    public Guid? AgreementId { get; private set; }

    public DateOnly? ReturnOrDestroyBy { get; private set; }

    /// <summary>When the supplier's return or destruction was confirmed; null until then.</summary>
    public DateOnly? ReturnedOn { get; private set; }

    /// <summary>The copy kept as evidence, when the user chose to keep it; null otherwise.</summary>
    public string? EvidenceStorageKey { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTime RecordedAtUtc { get; private set; }

    public void KeepCopy(string storageKey) => EvidenceStorageKey = storageKey;

    public void ConfirmReturned(DateOnly on, DateOnly today)
    {
        if (ReturnedOn is not null)
        {
            throw new DomainException($"The return or destruction of {FileName} was already confirmed on {ReturnedOn:yyyy-MM-dd}.");
        }

        if (on > today || on < ReleasedOn)
        {
            throw new DomainException($"The return or destruction date must be between the release on {ReleasedOn:yyyy-MM-dd} and today.");
        }

        ReturnedOn = on;
    }

    /// <summary>64 hex digits, any case, spaces around ignored; stored lower case.</summary>
    public static string NormaliseSha256(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length == 64 && trimmed.All(char.IsAsciiHexDigit)
            ? trimmed.ToLowerInvariant()
            : throw new DomainException("A SHA-256 is 64 hexadecimal digits (0–9, a–f); paste it whole or let the app compute it from the file.");
    }
}
