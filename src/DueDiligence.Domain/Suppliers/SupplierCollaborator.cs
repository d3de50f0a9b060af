using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Suppliers;

/// <summary>An analyst who edits and assesses a supplier beside its owner.</summary>
public sealed class SupplierCollaborator : Collaborator
{
    private SupplierCollaborator()
    {
    }

    internal SupplierCollaborator(string userId, string name)
        : base(userId, name)
    {
    }
}
