namespace DueDiligence.Web.Features.Sourcing;

/// <summary>The approver's choice: which candidate becomes the partner, and the memo that explains why.</summary>
public sealed class PartnerChoiceInput
{
    public Guid ProjectId { get; set; }

    /// <summary>The project version the approver saw; a choice made on an outdated comparison is refused.</summary>
    public Guid Version { get; set; }

    public Guid? SupplierId { get; set; }

    public string Memo { get; set; } = "";
}
