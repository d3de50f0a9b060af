using System.Globalization;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>
/// A column of the register file: its name (the header, the same in the export, the template and the import), its width
/// in a spreadsheet (in characters), whether the import reads it, and its value for a supplier. A value is text, a whole
/// number (int), a figure shown with one decimal (double), a date (DateOnly) or null.
/// </summary>
internal sealed record SupplierFileColumn(string Name, double Width, bool Imported, Func<SupplierExportRow, object?> Value)
{
    /// <summary>Holds a list, one entry per line (<see cref="SupplierCells"/>).</summary>
    public bool IsList { get; init; }
}

/// <summary>
/// The columns of the register file, in the CSV and the Excel export alike. The first thirteen are the supplier's
/// profile, which an import reads back exactly; the rest are the register's own results (status, owner, scores), which
/// follow from assessments and decisions: the export writes them and the import leaves them alone.
/// </summary>
internal static class SupplierFileColumns
{
    public const string LegalName = "Legal name";
    public const string HqCountry = "HQ country";
    public const string Kind = "Kind";
    public const string RegistrationNumber = "Registration no.";
    public const string Duns = "DUNS";
    public const string Lei = "LEI";
    public const string VatNumber = "VAT";
    public const string Website = "Website";
    public const string Description = "Description";
    public const string Sites = "Sites";
    public const string Subcontractors = "Subcontractors";
    public const string Contacts = "Contacts";
    public const string Exposure = "IP exposure";

    /// <summary>Every column of the export, the profile first.</summary>
    public static readonly IReadOnlyList<SupplierFileColumn> All =
    [
        new(LegalName, 42, true, r => r.Supplier.LegalName),
        new(HqCountry, 10, true, r => r.Supplier.HqCountry.Value),
        new(Kind, 22, true, r => SupplierLabels.Of(r.Supplier.Category)),
        new(RegistrationNumber, 20, true, r => r.Supplier.RegistrationNumber),
        new(Duns, 12, true, r => r.Supplier.Duns),
        new(Lei, 24, true, r => r.Supplier.Lei),
        new(VatNumber, 16, true, r => r.Supplier.VatNumber),
        new(Website, 28, true, r => r.Supplier.Website),
        new(Description, 40, true, r => r.Supplier.Description),
        new(Sites, 44, true, r => SupplierCells.Write(r.Sites.Select(s => Parts(s.Country.Value, s.City, ActivityNames(s.Activities))))) { IsList = true },
        new(Subcontractors, 40, true, r => SupplierCells.Write(r.Subcontractors.Select(s => Parts(s.Name, s.Country.Value, s.Activity)))) { IsList = true },
        new(Contacts, 44, true, r => SupplierCells.Write(r.Contacts.Select(c => Parts(c.Name, c.Role, c.Email, c.Phone)))) { IsList = true },
        new(Exposure, 44, true, r => SupplierCells.Write(r.ExposureItems.Select(e =>
            Parts(SupplierLabels.Of(e.Category), e.Sensitivity.ToString(CultureInfo.InvariantCulture), e.Note)))) { IsList = true },
        new("Status", 24, false, r => SupplierLabels.Of(r.Supplier.Status)),
        new("Owner", 20, false, r => r.Supplier.OwnerName),
        new("Highest sensitivity", 11, false, r => r.Supplier.MaxSensitivity == 0 ? null : r.Supplier.MaxSensitivity),
        new("Exposure E", 11, false, r => Display.Round1(r.Exposure)),
        new("Worst jurisdiction", 20, false, r => r.WorstJurisdiction.Jurisdiction.Name),
        new("J", 8, false, r => Display.Round1(r.WorstJurisdiction.Risk.Value)),
        new("Level", 11, false, r => r.WorstJurisdiction.Risk.IsUnknown ? "Unknown" : r.WorstJurisdiction.Risk.Level.ToString()),
        new("Latest tier", 11, false, r => r.Supplier.LatestTier?.ToString()),
        new("Latest R", 9, false, r => r.Supplier.LatestResidualRisk is { } risk ? Display.Round1(risk) : null),
        new("Reassessment due", 14, false, r => r.Supplier.ReassessmentDueOn),
    ];

    /// <summary>The columns an import reads, in the order of the file; the template has exactly these.</summary>
    public static readonly IReadOnlyList<SupplierFileColumn> Imported = [.. All.Where(c => c.Imported)];

    /// <summary>A file without one of these is refused as a whole.</summary>
    public static readonly IReadOnlyList<string> Required = [LegalName, HqCountry, Kind];

    /// <summary>Headers are matched on their letters and digits, so "legal_name", "LEGAL NAME" and "Legal name" are one column.</summary>
    public static string HeaderKey(string header) => string.Concat(header.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    /// <summary>The column a header names, or null when the file's column is not one of the register's.</summary>
    public static SupplierFileColumn? Named(string header)
    {
        var key = HeaderKey(header);
        return key.Length == 0 ? null : All.FirstOrDefault(c => HeaderKey(c.Name) == key);
    }

    /// <summary>The position of the column an error starts with ("HQ country: …", "Sites, entry 2: …"), or -1 for an error about the whole line.</summary>
    public static int PositionOf(string error)
    {
        for (var i = 0; i < Imported.Count; i++)
        {
            var name = Imported[i].Name;
            if (error.StartsWith(name + ":", StringComparison.Ordinal) || error.StartsWith(name + ",", StringComparison.Ordinal))
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
            nameof(SupplierInput.Category) => Kind,
            nameof(SupplierInput.RegistrationNumber) => RegistrationNumber,
            nameof(SupplierInput.Duns) => Duns,
            nameof(SupplierInput.Lei) => Lei,
            nameof(SupplierInput.VatNumber) => VatNumber,
            nameof(SupplierInput.Website) => Website,
            nameof(SupplierInput.Description) => Description,
            nameof(SupplierInput.Sites) => Sites,
            nameof(SupplierInput.Subcontractors) => Subcontractors,
            nameof(SupplierInput.Contacts) => Contacts,
            nameof(SupplierInput.Exposure) => Exposure,
            _ => property,
        };
    }

    /// <summary>The activities of a site as their names, in the order of the form: "Tooling, Component manufacturing".</summary>
    public static string ActivityNames(SiteActivity activities) =>
        string.Join(", ", Enum.GetValues<SiteActivity>().Where(a => a != SiteActivity.None && activities.HasFlag(a)).Select(SupplierLabels.ActivityName));

    private static string?[] Parts(params string?[] parts) => parts;
}
