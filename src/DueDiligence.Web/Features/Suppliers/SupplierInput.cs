using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>The supplier form: everything an analyst enters, as plain editable values.</summary>
public sealed class SupplierInput
{
    public Guid? Id { get; set; }

    /// <summary>The version the form was loaded from; a save against a newer version is refused.</summary>
    public Guid? Version { get; set; }

    public string LegalName { get; set; } = "";

    public string? HqCountry { get; set; }

    public SupplierCategory? Category { get; set; }

    public string? RegistrationNumber { get; set; }

    public string? Duns { get; set; }

    public string? Lei { get; set; }

    public string? VatNumber { get; set; }

    public string? Website { get; set; }

    public string? Description { get; set; }

    public List<SiteInput> Sites { get; set; } = [];

    public List<SubcontractorInput> Subcontractors { get; set; } = [];

    public List<ContactInput> Contacts { get; set; } = [];

    public List<ExposureInput> Exposure { get; set; } = [];

    public static SupplierInput From(Supplier supplier) => new()
    {
        Id = supplier.Id,
        Version = supplier.Version,
        LegalName = supplier.LegalName,
        HqCountry = supplier.HqCountry.Value,
        Category = supplier.Category,
        RegistrationNumber = supplier.RegistrationNumber,
        Duns = supplier.Duns,
        Lei = supplier.Lei,
        VatNumber = supplier.VatNumber,
        Website = supplier.Website,
        Description = supplier.Description,
        Sites = supplier.Sites.OrderBy(s => s.Country.Name, Countries.NameOrder).ThenBy(s => s.City, StringComparer.Ordinal).Select(s => new SiteInput { Country = s.Country.Value, City = s.City, Activities = s.Activities }).ToList(),
        Subcontractors = supplier.Subcontractors.Select(s => new SubcontractorInput { Name = s.Name, Country = s.Country.Value, Activity = s.Activity, IpHandling = s.IpHandling }).ToList(),
        Contacts = supplier.Contacts.Select(c => new ContactInput { Name = c.Name, Role = c.Role, Email = c.Email, Phone = c.Phone }).ToList(),
        Exposure = supplier.Exposure.Select(e => new ExposureInput { Category = e.Category, Sensitivity = e.Sensitivity, Note = e.Note }).ToList(),
    };

    public SupplierProfile ToProfile() => new(
        LegalName, CountryCode.Parse(HqCountry), Category!.Value, RegistrationNumber, Duns, Lei, VatNumber, Website, Description);

    /// <summary>Writes the sites, subcontractors, contacts and exposure of the form into the supplier.</summary>
    public void ApplyCollectionsTo(Supplier supplier, DateTime nowUtc)
    {
        supplier.ReplaceSites(Sites.Select(s => new Site(CountryCode.Parse(s.Country), s.City, s.Activities)), nowUtc);
        supplier.ReplaceSubcontractors(Subcontractors.Select(s => new Subcontractor(s.Name, CountryCode.Parse(s.Country), s.Activity, s.IpHandling)), nowUtc);
        supplier.ReplaceContacts(Contacts.Select(c => new Contact(c.Name, c.Role, c.Email, c.Phone)), nowUtc);
        supplier.ReplaceExposure(Exposure.Select(e => new ExposureItem(e.Category!.Value, e.Sensitivity, e.Note)), nowUtc);
    }
}

/// <summary>A site row of the supplier form.</summary>
public sealed class SiteInput
{
    public string? Country { get; set; }

    public string City { get; set; } = "";

    public SiteActivity Activities { get; set; }
}

/// <summary>A subcontractor row of the supplier form.</summary>
public sealed class SubcontractorInput
{
    public string Name { get; set; } = "";

    public string? Country { get; set; }

    public string Activity { get; set; } = "";

    /// <summary>Whether it handles our IP; a new row starts not confirmed, which counts as handling it.</summary>
    public SubcontractorIpHandling IpHandling { get; set; }
}

/// <summary>A contact row of the supplier form.</summary>
public sealed class ContactInput
{
    public string Name { get; set; } = "";

    public string? Role { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}

/// <summary>An IP exposure row of the supplier form.</summary>
public sealed class ExposureInput
{
    public IpAssetCategory? Category { get; set; }

    public int Sensitivity { get; set; } = 3;

    public string? Note { get; set; }
}
