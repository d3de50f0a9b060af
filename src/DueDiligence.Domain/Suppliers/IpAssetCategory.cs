namespace DueDiligence.Domain.Suppliers;

/// <summary>The kinds of intellectual property we may hand to a supplier (PRODUCT.md).</summary>
public enum IpAssetCategory
{
    DesignFiles,
    SourceCodeFirmware,
    FormulasRecipes,
    ToolingMoulds,
    ProcessKnowHow,
    BrandAssets,
    CustomerData,
}
