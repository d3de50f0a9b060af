using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Tooling;

/// <summary>
/// A customer-owned tool or mould: its tag, what it is, where it is and who holds it, every transfer with its sign-off
/// (the first is its registration) and its photos.
/// </summary>
public sealed class Tool
{
    private readonly List<ToolTransfer> _transfers = [];
    private readonly List<ToolPhoto> _photos = [];

    private Tool()
    {
    }

    public Tool(string tag, string description, ToolPlace place, string custodian, string signedOffBy, DateOnly signedOn, string recordedByName, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(place);
        Id = Guid.NewGuid();
        Tag = Text.Required(tag, "Give the tool its tag, e.g. “MLD-0042”.", 40);
        Description = Text.Required(description, "Describe the tool, e.g. “4-cavity mould, HM-4 top shell”.", 500);
        CreatedAtUtc = nowUtc;
        Move(null, place, custodian, signedOffBy, signedOn, "Registered.", recordedByName, nowUtc);
    }

    public Guid Id { get; private set; }

    public string Tag { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>The supplier at whose site the tool is; null when it is in-house.</summary>
    public Guid? SupplierId { get; private set; }

    public Guid? SiteId { get; private set; }

    public string PlaceName { get; private set; } = "";

    public string Custodian { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Changes on every save; a save that started from an older version is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public ToolPlace Place => new(SupplierId, SiteId, PlaceName);

    /// <summary>Registration first, then every transfer in the order recorded.</summary>
    public IReadOnlyList<ToolTransfer> Transfers => [.. _transfers.OrderBy(t => t.Sequence)];

    public IReadOnlyList<ToolPhoto> Photos => _photos;

    public void Describe(string description)
    {
        Description = Text.Required(description, "Describe the tool, e.g. “4-cavity mould, HM-4 top shell”.", 500);
        Version = Guid.NewGuid();
    }

    /// <summary>Moves the tool (or hands it to another custodian where it is), signed off by a named person on a day not in the future.</summary>
    public ToolTransfer Transfer(ToolPlace to, string custodian, string signedOffBy, DateOnly signedOn, string? note, string recordedByName, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (to.SupplierId == SupplierId && to.SiteId == SiteId && string.Equals(custodian?.Trim(), Custodian, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException($"{Tag} is already at {PlaceName} with {Custodian}; choose another place or custodian.");
        }

        var last = _transfers.MaxBy(t => t.Sequence)!;
        if (signedOn < last.SignedOn)
        {
            throw new DomainException($"The hand-over cannot be signed before the last one ({last.SignedOn:yyyy-MM-dd}).");
        }

        return Move(PlaceName, to, custodian!, signedOffBy, signedOn, note, recordedByName, nowUtc);
    }

    public ToolPhoto AddPhoto(string originalFileName, string storageKey, string sha256, long length, string contentType, string uploadedByName, DateTime nowUtc)
    {
        var photo = new ToolPhoto(originalFileName, storageKey, sha256, length, contentType, uploadedByName, nowUtc);
        _photos.Add(photo);
        Version = Guid.NewGuid();
        return photo;
    }

    private ToolTransfer Move(string? fromName, ToolPlace to, string custodian, string signedOffBy, DateOnly signedOn, string? note, string recordedByName, DateTime nowUtc)
    {
        if (signedOn > DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainException($"The hand-over cannot be signed in the future ({signedOn:yyyy-MM-dd}).");
        }

        var transfer = new ToolTransfer(_transfers.Count + 1, fromName, to, custodian, signedOffBy, signedOn, note, recordedByName, nowUtc);
        SupplierId = to.SupplierId;
        SiteId = to.SiteId;
        PlaceName = transfer.ToName;
        Custodian = transfer.Custodian;
        _transfers.Add(transfer);
        Version = Guid.NewGuid();
        return transfer;
    }
}
