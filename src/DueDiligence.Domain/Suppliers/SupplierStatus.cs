namespace DueDiligence.Domain.Suppliers;

/// <summary>Where the supplier stands in its lifecycle (PRODUCT.md).</summary>
public enum SupplierStatus
{
    Prospect,
    UnderAssessment,
    Approved,
    ApprovedWithConditions,
    Rejected,
    Offboarded,
}
