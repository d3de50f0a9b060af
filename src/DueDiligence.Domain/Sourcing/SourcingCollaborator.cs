using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Sourcing;

/// <summary>An analyst who runs a sourcing project beside its owner.</summary>
public sealed class SourcingCollaborator : Collaborator
{
    private SourcingCollaborator()
    {
    }

    internal SourcingCollaborator(string userId, string name)
        : base(userId, name)
    {
    }
}
