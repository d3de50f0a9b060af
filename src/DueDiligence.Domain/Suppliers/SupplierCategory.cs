namespace DueDiligence.Domain.Suppliers;

/// <summary>What kind of partner the supplier is for us.</summary>
public enum SupplierCategory
{
    ContractManufacturer,
    ComponentMaker,
    DesignHouse,
    OutsourcingPartner,
    Distributor,
    Other,
}
