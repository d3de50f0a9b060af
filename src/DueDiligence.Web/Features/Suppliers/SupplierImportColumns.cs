namespace DueDiligence.Web.Features.Suppliers;

/// <summary>The columns of a supplier import file, named by their header (matched without regard to case).</summary>
public static class SupplierImportColumns
{
    public const string LegalName = "legal_name";
    public const string HqCountry = "hq_country";
    public const string Category = "category";
    public const string RegistrationNumber = "registration_number";
    public const string Duns = "duns";
    public const string Lei = "lei";
    public const string VatNumber = "vat_number";
    public const string Website = "website";
    public const string Description = "description";
    public const string Sites = "sites";
    public const string Exposure = "exposure";

    /// <summary>Every column the import reads, in the order of the template.</summary>
    public static readonly IReadOnlyList<string> All =
        [LegalName, HqCountry, Category, RegistrationNumber, Duns, Lei, VatNumber, Website, Description, Sites, Exposure];

    /// <summary>A file without one of these is refused as a whole.</summary>
    public static readonly IReadOnlyList<string> Required = [LegalName, HqCountry, Category];

    /// <summary>The position of the column an error starts with ("hq_country: …"), or -1 for an error about the whole line.</summary>
    public static int PositionOf(string error)
    {
        var column = error.Split(':', 2)[0];
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == column)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The column a validation error of <see cref="SupplierInput"/> belongs to, from the error's property path.</summary>
    public static string OfProperty(string propertyName)
    {
        var property = propertyName.Split('.', '[')[0];
        return property switch
        {
            nameof(SupplierInput.LegalName) => LegalName,
            nameof(SupplierInput.HqCountry) => HqCountry,
            nameof(SupplierInput.Category) => Category,
            nameof(SupplierInput.RegistrationNumber) => RegistrationNumber,
            nameof(SupplierInput.Duns) => Duns,
            nameof(SupplierInput.Lei) => Lei,
            nameof(SupplierInput.VatNumber) => VatNumber,
            nameof(SupplierInput.Website) => Website,
            nameof(SupplierInput.Description) => Description,
            nameof(SupplierInput.Sites) => Sites,
            nameof(SupplierInput.Exposure) => Exposure,
            _ => property,
        };
    }
}
