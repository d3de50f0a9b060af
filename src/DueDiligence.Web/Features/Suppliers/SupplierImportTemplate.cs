using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Risk;
using static DueDiligence.Domain.Suppliers.SiteActivity;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>
/// The import template: the columns the import reads, written by the export's own writer, with two fictional example
/// suppliers that pass every check, so that the template shows exactly the shape an export has.
/// </summary>
internal static class SupplierImportTemplate
{
    public const string FileName = "supplier-import-template";

    public static byte[] Create(string extension, DateTime nowUtc)
    {
        var rows = Examples(nowUtc).Select(s => new SupplierExportRow(s, CountryRisk.Unknown(s.HqCountry))).ToList();
        return extension == "xlsx"
            ? SupplierXlsxExport.Create(rows, SupplierFileColumns.Imported)
            : SupplierCsvExport.Create(rows, SupplierFileColumns.Imported);
    }

    private static IEnumerable<Supplier> Examples(DateTime nowUtc)
    {
        var moulding = new Supplier(
            new SupplierProfile("Example Precision Moulding Co., Ltd.", CountryCode.Parse("CN"), SupplierCategory.ContractManufacturer,
                RegistrationNumber: "91440300MA5EXAMPLE", Website: "https://www.example.com",
                Description: "Injection-moulded housings (example row: replace it)"),
            "template", "template", nowUtc);
        moulding.ReplaceSites([new Site(CountryCode.Parse("CN"), "Shenzhen", SiteActivity.Tooling | ComponentManufacturing), new Site(CountryCode.Parse("CN"), "Dongguan", FinalAssembly | Packaging)], nowUtc);
        moulding.ReplaceSubcontractors([new Subcontractor("Example Surface Finishing", CountryCode.Parse("CN"), "Painting and pad printing")], nowUtc);
        moulding.ReplaceContacts([new Contact("Example Contact", "Account manager", "sales@example.com", "+86 755 0000 0000")], nowUtc);
        moulding.ReplaceExposure([new ExposureItem(IpAssetCategory.DesignFiles, 4, "3D CAD of housings"), new ExposureItem(IpAssetCategory.ToolingMoulds, 3, "Moulds we own")], nowUtc);
        yield return moulding;

        var firmware = new Supplier(
            new SupplierProfile("Example Firmware Studio s.r.o.", CountryCode.Parse("CZ"), SupplierCategory.OutsourcingPartner,
                Duns: "123456789", VatNumber: "CZ12345678", Description: "Embedded firmware development (example row: replace it)"),
            "template", "template", nowUtc);
        firmware.ReplaceSites([new Site(CountryCode.Parse("CZ"), "Brno", SoftwareDevelopment | Office)], nowUtc);
        firmware.ReplaceExposure([new ExposureItem(IpAssetCategory.SourceCodeFirmware, 5, null)], nowUtc);
        yield return firmware;
    }
}
