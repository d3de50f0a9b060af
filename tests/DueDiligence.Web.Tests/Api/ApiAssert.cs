using System.Net.Http.Json;
using System.Text.Json;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Web.Tests.Api;

internal static class ApiAssert
{
    /// <summary>An RFC 9457 problem: its media type, the status in the body too, a title, and a detail saying <paramref name="detailContains"/>.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status, string detailContains)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Contains(detailContains, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        return problem;
    }

    public static object NewSupplier(string name) => new
    {
        legalName = name,
        hqCountry = "VN",
        category = nameof(SupplierCategory.ContractManufacturer),
        sites = new[] { new { country = "VN", city = "Hanoi", activities = "FinalAssembly" } },
        exposure = new[] { new { category = "DesignFiles", sensitivity = 3 } },
    };
}
