using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Tooling;

/// <summary>
/// One move of a tool, or its registration (no "from"): from where to where, the custodian who took it, who signed the
/// hand-over and on which day, and who recorded it in the app.
/// </summary>
public sealed class ToolTransfer
{
    private ToolTransfer()
    {
    }

    internal ToolTransfer(int sequence, string? fromName, ToolPlace to, string custodian, string signedOffBy, DateOnly signedOn, string? note, string recordedByName, DateTime recordedAtUtc)
    {
        Id = Guid.NewGuid();
        Sequence = sequence;
        FromName = fromName;
        ToSupplierId = to.SupplierId;
        ToSiteId = to.SiteId;
        ToName = Text.Required(to.Name, "Say where the tool goes.", 300);
        Custodian = Text.Required(custodian, "Name the custodian who holds the tool at its new place.", 200);
        SignedOffBy = Text.Required(signedOffBy, "Name the person who signed the hand-over.", 200);
        SignedOn = signedOn;
        Note = Text.Optional(note, 1000);
        RecordedByName = recordedByName;
        RecordedAtUtc = recordedAtUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>1 for the registration, then 2, 3… in the order recorded.</summary>
    public int Sequence { get; private set; }

    /// <summary>Where the tool came from; null for its registration.</summary>
    public string? FromName { get; private set; }

    public Guid? ToSupplierId { get; private set; }

    public Guid? ToSiteId { get; private set; }

    public string ToName { get; private set; } = "";

    public string Custodian { get; private set; } = "";

    public string SignedOffBy { get; private set; } = "";

    public DateOnly SignedOn { get; private set; }

    public string? Note { get; private set; }

    public string RecordedByName { get; private set; } = "";

    public DateTime RecordedAtUtc { get; private set; }
}
