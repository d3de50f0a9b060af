namespace DueDiligence.Domain.Sourcing;

/// <summary>A supplier considered for a sourcing project.</summary>
public sealed class SourcingCandidate
{
    private SourcingCandidate()
    {
    }

    internal SourcingCandidate(Guid supplierId, string addedByName, DateTime addedAtUtc)
    {
        Id = Guid.NewGuid();
        SupplierId = supplierId;
        AddedByName = addedByName;
        AddedAtUtc = addedAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public string AddedByName { get; private set; } = "";

    public DateTime AddedAtUtc { get; private set; }
}
