using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Performance;

/// <summary>
/// A page of the supplier list filters, sorts and skips once: for the count and for the ids of its rows, then loads
/// those rows and their collections by id. A split query of the filtered page ran the filter, the sort and the offset
/// again for each collection (four times per page; 373 ms at 100,000 suppliers on SQLite: docs/benchmarks.md).
/// </summary>
public sealed class SupplierListQueryTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SearchAsync_APageFilteredByCountry_RunsTheFilterForTheCountAndTheIdsOnly()
    {
        foreach (var name in new[] { "Query Test Alpha Ltd.", "Query Test Beta Ltd." })
        {
            await app.AsUserAsync("analyst-1", [AppRoles.Analyst], s => s.GetRequiredService<SupplierCommands>().CreateAsync(new SupplierInput
            {
                LegalName = name,
                HqCountry = "CN",
                Category = SupplierCategory.ContractManufacturer,
                Sites = [new SiteInput { Country = "CN", City = "Shenzhen", Activities = SiteActivity.ComponentManufacturing }],
                Exposure = [new ExposureInput { Category = IpAssetCategory.SourceCodeFirmware, Sensitivity = 4 }],
            }));
        }

        var filter = new SupplierFilter { Country = "CN", Sort = "status" };
        SupplierPage? page = null;
        var statements = await CommandCounter.RecordAsync(async () =>
            page = await app.AsUserAsync("executive-1", [AppRoles.Executive], s => s.GetRequiredService<SupplierQueries>().SearchAsync(filter, 1, 25)));

        Assert.NotEmpty(page!.Rows); // with no row, no collection is loaded

        var filtered = statements.Where(sql => sql.Contains("\"SupplierSites\"", StringComparison.Ordinal) && sql.Contains("\"Country\" =", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, filtered.Count);
        Assert.Single(statements, sql => sql.Contains("LIMIT", StringComparison.Ordinal));
    }
}
