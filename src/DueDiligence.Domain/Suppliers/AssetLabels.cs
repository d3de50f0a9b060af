namespace DueDiligence.Domain.Suppliers;

/// <summary>The IP asset kinds in words, as the exposure profile names them.</summary>
public static class AssetLabels
{
    public static string Of(IpAssetCategory category) => category switch
    {
        IpAssetCategory.DesignFiles => "Design files",
        IpAssetCategory.SourceCodeFirmware => "Source code / firmware",
        IpAssetCategory.FormulasRecipes => "Formulas / recipes",
        IpAssetCategory.ToolingMoulds => "Tooling / moulds",
        IpAssetCategory.ProcessKnowHow => "Process know-how",
        IpAssetCategory.BrandAssets => "Brand assets",
        IpAssetCategory.CustomerData => "Customer data",
        _ => category.ToString(),
    };
}
