using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>
/// The supplier register's downloads: the CSV and Excel exports, filtered as the list is, and the import template in both formats.
/// The app's fallback policy lets only signed-in users in; the use cases check the role.
/// </summary>
internal static class SupplierFileEndpoints
{
    public static IEndpointRouteBuilder MapSupplierFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/suppliers/export.csv", (HttpContext context, [FromServices] SupplierExport export, CancellationToken cancellationToken) =>
            ExportAsync(context, export, "csv", SupplierCsvExport.ContentType, SupplierCsvExport.Create, cancellationToken));
        endpoints.MapGet("/suppliers/export.xlsx", (HttpContext context, [FromServices] SupplierExport export, CancellationToken cancellationToken) =>
            ExportAsync(context, export, "xlsx", SupplierXlsxExport.ContentType, SupplierXlsxExport.Create, cancellationToken));
        endpoints.MapGet("/suppliers/import-template.csv", (HttpContext context, [FromServices] SupplierImport import) =>
            RefuseForbiddenAsync(context, async () => Results.File(await import.TemplateAsync("csv"), SupplierCsvExport.ContentType, SupplierImportTemplate.FileName + ".csv")));
        endpoints.MapGet("/suppliers/import-template.xlsx", (HttpContext context, [FromServices] SupplierImport import) =>
            RefuseForbiddenAsync(context, async () => Results.File(await import.TemplateAsync("xlsx"), SupplierXlsxExport.ContentType, SupplierImportTemplate.FileName + ".xlsx")));
        return endpoints;
    }

    private static Task<IResult> ExportAsync(
        HttpContext context, SupplierExport export, string extension, string contentType, Func<IReadOnlyList<SupplierExportRow>, byte[]> write, CancellationToken cancellationToken) =>
        RefuseForbiddenAsync(context, async () =>
        {
            var rows = await export.RowsAsync(FilterFrom(context.Request.Query), cancellationToken);
            // The register is confidential: no shared or browser cache keeps a copy.
            context.Response.Headers.CacheControl = "no-store";
            return Results.File(write(rows), contentType, export.FileName(extension));
        });

    /// <summary>A user without the role gets 403, which the status pages render as the friendly "no access" page; the refusal is logged.</summary>
    private static async Task<IResult> RefuseForbiddenAsync(HttpContext context, Func<Task<IResult>> download)
    {
        try
        {
            return await download();
        }
        catch (ForbiddenException e)
        {
            await context.RequestServices.GetRequiredService<AccessRefusals>().RecordAsync(e);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>The list's filters as the supplier list puts them in its export links: q, status, country, tier, owner, due, jlevel, cband (and sort).</summary>
    private static SupplierFilter FilterFrom(IQueryCollection query) => new()
    {
        Search = query["q"],
        Status = Enum.TryParse<SupplierStatus>(query["status"], out var status) ? status : null,
        Country = query["country"],
        Tier = Enum.TryParse<RiskTier>(query["tier"], out var tier) ? tier : null,
        NotDecided = query["tier"] == SupplierFilter.NotDecidedCode,
        OwnerId = query["owner"],
        Due = query["due"],
        JurisdictionLevel = query["jlevel"],
        ControlBand = query["cband"],
        Sort = query["sort"],
    };
}
