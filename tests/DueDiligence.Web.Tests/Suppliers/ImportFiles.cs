using System.Text;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Suppliers;

/// <summary>Import files as an analyst would save them, and the import use case run as a user.</summary>
internal static class ImportFiles
{
    /// <summary>The columns the import reads, as the export and the template name them.</summary>
    public const string Header = "Legal name,HQ country,Kind,Registration no.,DUNS,LEI,VAT,Website,Description,Sites,Subcontractors,Contacts,IP exposure";

    public const string Analyst = "importer@test";

    /// <summary>A cell with several lines (a list cell), quoted for CSV.</summary>
    public static string Lines(params string[] lines) => "\"" + string.Join("\n", lines).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The lines joined with CRLF, as UTF-8 without a byte-order mark.</summary>
    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>A legal name no other test uses, so that tests sharing one register do not see each other's suppliers.</summary>
    public static string UniqueName(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    public static Task<SupplierImportPreview> PreviewAsync(this AppFactory app, byte[] file, string role = AppRoles.Analyst) =>
        app.AsUserAsync(Analyst, [role], services => services.GetRequiredService<SupplierImport>().PreviewAsync(file));

    public static Task<SupplierImportResult> ImportAsync(this AppFactory app, byte[] file, string role = AppRoles.Analyst) =>
        app.AsUserAsync(Analyst, [role], services => services.GetRequiredService<SupplierImport>().ImportAsync(file));
}
