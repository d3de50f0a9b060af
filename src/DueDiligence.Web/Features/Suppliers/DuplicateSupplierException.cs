namespace DueDiligence.Web.Features.Suppliers;

/// <summary>A supplier with the same legal name exists in the same country; the page links to it.</summary>
public sealed class DuplicateSupplierException(Guid existingId, string existingName, string country)
    : Exception($"{existingName} ({country}) is already in the register. Open the existing supplier instead of creating a second one.")
{
    public Guid ExistingId { get; } = existingId;
}
