using CsvHelper;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>The import template: every column the import reads and two fictional example suppliers that pass its checks.</summary>
internal static class SupplierImportTemplate
{
    public const string FileName = "supplier-import-template.csv";

    private static readonly string[][] Examples =
    [
        [
            "Example Precision Moulding Co., Ltd.", "CN", "ContractManufacturer", "91440300MA5EXAMPLE", "", "", "", "https://www.example.com",
            "Injection-moulded housings (example row: replace it)", "CN:Shenzhen;CN:Dongguan", "DesignFiles:4;ToolingMoulds:3",
        ],
        [
            "Example Firmware Studio s.r.o.", "CZ", "Outsourcing partner", "", "123456789", "", "CZ12345678", "",
            "Embedded firmware development (example row: replace it)", "CZ:Brno", "SourceCodeFirmware:5",
        ],
    ];

    public static byte[] Create()
    {
        using var buffer = new MemoryStream();
        using (var writer = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            writer.WriteHeader([.. SupplierImportColumns.All]);
            foreach (var example in Examples)
            {
                writer.WriteRecord(example);
            }
        }

        return buffer.ToArray();
    }
}
