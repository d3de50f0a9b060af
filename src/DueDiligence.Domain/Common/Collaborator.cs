namespace DueDiligence.Domain.Common;

/// <summary>An analyst who works on a supplier or a sourcing project beside its owner.</summary>
public abstract class Collaborator
{
    protected Collaborator()
    {
    }

    protected Collaborator(string userId, string name)
    {
        Id = Guid.NewGuid();
        UserId = Text.Required(userId, "Choose the colleague.", 450);
        Name = Text.Required(name, "Choose the colleague.", 256);
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Adds a collaborator to a record's list: never its owner, never twice.</summary>
    internal static void AddTo<T>(List<T> collaborators, T added, IOwnedRecord record)
        where T : Collaborator
    {
        if (added.UserId == record.OwnerId)
        {
            throw new DomainException($"{added.Name} owns {record.RecordName}; an owner needs no place among the collaborators.");
        }

        if (collaborators.Any(c => c.UserId == added.UserId))
        {
            throw new DomainException($"{added.Name} already collaborates on {record.RecordName}.");
        }

        collaborators.Add(added);
    }

    internal static void RemoveFrom<T>(List<T> collaborators, string userId, IOwnedRecord record)
        where T : Collaborator
    {
        var removed = collaborators.FirstOrDefault(c => c.UserId == userId)
            ?? throw new DomainException($"This colleague no longer collaborates on {record.RecordName}.");
        collaborators.Remove(removed);
    }
}
