using System.Text;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Suppliers;

/// <summary>Import files as an analyst would save them, and the import use case run as a user.</summary>
internal static class ImportFiles
{
    public const string Header = "legal_name,hq_country,category,registration_number,duns,lei,vat_number,website,description,sites,exposure";

    public const string Analyst = "importer@test";

    /// <summary>The lines joined with CRLF, as UTF-8 without a byte-order mark.</summary>
    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>A legal name no other test uses, so that tests sharing one register do not see each other's suppliers.</summary>
    public static string UniqueName(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    public static Task<SupplierImportPreview> PreviewAsync(this AppFactory app, byte[] file, string role = AppRoles.Analyst) =>
        app.AsUserAsync(Analyst, [role], services => services.GetRequiredService<SupplierCsvImport>().PreviewAsync(file));

    public static Task<SupplierImportResult> ImportAsync(this AppFactory app, byte[] file, string role = AppRoles.Analyst) =>
        app.AsUserAsync(Analyst, [role], services => services.GetRequiredService<SupplierCsvImport>().ImportAsync(file));
}
