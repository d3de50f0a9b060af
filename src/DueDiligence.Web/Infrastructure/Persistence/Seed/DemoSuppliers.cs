using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using static DueDiligence.Domain.Suppliers.SiteActivity;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>A living register for newcomers: clearly fictional suppliers in different countries and categories.</summary>
public static class DemoSuppliers
{
    private sealed record DemoSite(string Country, string City, SiteActivity Activities);

    private sealed record DemoSub(string Name, string Country, string Activity);

    private sealed record Demo(
        string Name, string Country, SupplierCategory Category, string Description, DemoSite[] Sites,
        (IpAssetCategory Category, int Sensitivity, string Note)[] Exposure, DemoSub[]? Subcontractors = null, string? Contact = null);

    private static readonly Demo[] All =
    [
        new("Brightpath Precision Moulding Co., Ltd.", "CN", SupplierCategory.ContractManufacturer,
            "Injection-moulded housings for our handheld meters (fictional demo supplier).",
            [new("CN", "Shenzhen", Tooling | ComponentManufacturing), new("CN", "Dongguan", FinalAssembly | Packaging)],
            [(IpAssetCategory.ToolingMoulds, 4, "Steel moulds we own, kept on site"), (IpAssetCategory.DesignFiles, 4, "3D CAD of housings")],
            [new("Pearl River Surface Finishing", "CN", "Painting and pad printing")], "Lin Wei, account manager"),
        new("Lotus Delta Electronics JSC", "VN", SupplierCategory.ContractManufacturer,
            "PCB assembly and final test of controller boards (fictional demo supplier).",
            [new("VN", "Ho Chi Minh City", ComponentManufacturing | Testing), new("VN", "Bac Ninh", FinalAssembly)],
            [(IpAssetCategory.SourceCodeFirmware, 5, "Controller firmware images for programming"), (IpAssetCategory.DesignFiles, 3, "Gerbers and BOM")],
            null, "Tran Minh, operations"),
        new("Kinetic Design Studio Pvt. Ltd.", "IN", SupplierCategory.DesignHouse,
            "Mechanical design and DFM reviews (fictional demo supplier).",
            [new("IN", "Pune", Design | Office)],
            [(IpAssetCategory.DesignFiles, 5, "Full product CAD and drawings"), (IpAssetCategory.ProcessKnowHow, 3, "Assembly process notes")]),
        new("Sierra Alloy Castings S.A. de C.V.", "MX", SupplierCategory.ComponentMaker,
            "Aluminium die-cast frames (fictional demo supplier).",
            [new("MX", "Monterrey", Tooling | ComponentManufacturing)],
            [(IpAssetCategory.ToolingMoulds, 3, "Die-cast dies"), (IpAssetCategory.DesignFiles, 2, "Part drawings only")]),
        new("Microline Components Sdn. Bhd.", "MY", SupplierCategory.ComponentMaker,
            "Sensor modules with our calibration routine (fictional demo supplier).",
            [new("MY", "Penang", ComponentManufacturing | Testing)],
            [(IpAssetCategory.SourceCodeFirmware, 4, "Calibration firmware"), (IpAssetCategory.ProcessKnowHow, 4, "Calibration procedure")]),
        new("Anatolia Technical Textiles A.Ş.", "TR", SupplierCategory.ContractManufacturer,
            "Cut-and-sew of branded carrying cases (fictional demo supplier).",
            [new("TR", "Bursa", ComponentManufacturing | FinalAssembly | Packaging)],
            [(IpAssetCategory.BrandAssets, 3, "Logos and labels"), (IpAssetCategory.DesignFiles, 2, "Patterns")]),
        new("Waferlink Semiconductor Corp.", "TW", SupplierCategory.ComponentMaker,
            "Custom ASIC packaging and test (fictional demo supplier).",
            [new("TW", "Hsinchu", ComponentManufacturing | Testing), new("VN", "Hai Phong", Packaging)],
            [(IpAssetCategory.DesignFiles, 5, "ASIC layout data (GDS)")],
            [new("Harbour Test Services", "VN", "Final electrical test")]),
        new("Seaside Marine Coatings Co., Ltd.", "KR", SupplierCategory.ComponentMaker,
            "Anti-fouling coating made to our formula (fictional demo supplier).",
            [new("KR", "Busan", ComponentManufacturing)],
            [(IpAssetCategory.FormulasRecipes, 5, "Coating formula and cure profile")]),
        new("Eastern Seaboard AutoParts Co., Ltd.", "TH", SupplierCategory.ComponentMaker,
            "Stamped brackets and fasteners (fictional demo supplier).",
            [new("TH", "Rayong", Tooling | ComponentManufacturing)],
            [(IpAssetCategory.ToolingMoulds, 3, "Progressive dies")]),
        new("Oder Embedded Systems sp. z o.o.", "PL", SupplierCategory.OutsourcingPartner,
            "Embedded software development team (fictional demo supplier).",
            [new("PL", "Wrocław", SoftwareDevelopment | Office)],
            [(IpAssetCategory.SourceCodeFirmware, 5, "Full firmware repository"), (IpAssetCategory.CustomerData, 2, "Anonymised field logs")]),
        new("Visayas Cloudworks Inc.", "PH", SupplierCategory.OutsourcingPartner,
            "Customer support and warranty processing (fictional demo supplier).",
            [new("PH", "Cebu City", Office)],
            [(IpAssetCategory.CustomerData, 4, "Customer names, addresses and device serials")]),
        new("Paulista Polymer Compounds Ltda.", "BR", SupplierCategory.ComponentMaker,
            "Compounding of our flame-retardant resin (fictional demo supplier).",
            [new("BR", "Campinas", ComponentManufacturing)],
            [(IpAssetCategory.FormulasRecipes, 4, "Resin recipe")]),
    ];

    public static async Task SeedAsync(AppDbContext db, string ownerId, string ownerName, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (await db.Suppliers.AnyAsync(cancellationToken))
        {
            return;
        }

        // Registered about two years ago, before the demo assessments' dates.
        var registered = nowUtc.AddDays(-760);
        foreach (var demo in All)
        {
            var supplier = new Supplier(new SupplierProfile(demo.Name, CountryCode.Parse(demo.Country), demo.Category, Description: demo.Description), ownerId, ownerName, registered);
            supplier.ReplaceSites(demo.Sites.Select(s => new Site(CountryCode.Parse(s.Country), s.City, s.Activities)), registered);
            supplier.ReplaceExposure(demo.Exposure.Select(e => new ExposureItem(e.Category, e.Sensitivity, e.Note)), registered);
            supplier.ReplaceSubcontractors((demo.Subcontractors ?? []).Select(s => new Subcontractor(s.Name, CountryCode.Parse(s.Country), s.Activity)), registered);
            if (demo.Contact is { } contact)
            {
                var parts = contact.Split(", ");
                supplier.ReplaceContacts([new Contact(parts[0], parts.ElementAtOrDefault(1), null, null)], registered);
            }

            db.Suppliers.Add(supplier);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
