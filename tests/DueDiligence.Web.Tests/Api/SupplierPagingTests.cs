using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Api;
using Xunit.Abstractions;

namespace DueDiligence.Web.Tests.Api;

/// <summary>Cursor paging of the supplier list over 10,000 suppliers: every one exactly once, while others are added.</summary>
public sealed class SupplierPagingTests(ApiApp api, ITestOutputHelper output) : IClassFixture<ApiApp>
{
    private const int Count = 10_000;

    [Fact]
    public async Task List_PagedByCursorOver10000Suppliers_ReturnsEachOnce()
    {
        var seeding = Stopwatch.StartNew();
        var seeded = await SeedAsync();
        seeding.Stop();
        var analyst = await api.PersonAsync("Paula Pager");
        var client = api.Client(await api.TokenAsync(analyst, ApiApp.Read(ApiResource.Suppliers)));

        var paging = Stopwatch.StartNew();
        var seen = new List<(Guid Id, string Name)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var response = await client.GetAsync($"/api/v1/suppliers?search=Paging&limit=500{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            seen.AddRange(body.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("legalName").GetString()!)));
            cursor = body.GetProperty("nextCursor").GetString();
            if (++pages == 3)
            {
                // Added meanwhile: one before the pages read so far (not listed now), one after (listed once).
                seeded.Add(await api.SupplierAsync(analyst, "Paging Zz Added Later Ltd"));
                await api.SupplierAsync(analyst, "Paging 00000 Added Early Ltd");
            }
        }
        while (cursor is not null);
        paging.Stop();
        output.WriteLine($"Seeded {Count} suppliers in {seeding.ElapsedMilliseconds} ms; read {seen.Count} in {pages} pages of 500 in {paging.ElapsedMilliseconds} ms.");

        Assert.Equal(seen.Count, seen.Select(s => s.Id).Distinct().Count()); // no repeats
        Assert.Empty(seeded.Except(seen.Select(s => s.Id))); // no gaps
        Assert.Equal(Count + 1, seen.Count); // the early one came before the cursor
        Assert.DoesNotContain(seen, s => s.Name == "Paging 00000 Added Early Ltd");
    }

    /// <summary>
    /// Half as many names as suppliers, each in two countries (the same name key twice, so the id decides their order),
    /// inserted a few thousand to a save.
    /// </summary>
    private async Task<HashSet<Guid>> SeedAsync()
    {
        var ids = new HashSet<Guid>();
        var now = DateTime.UtcNow;
        var random = new Random(20261205);
        var numbers = Enumerable.Range(0, Count / 2).OrderBy(_ => random.Next()).ToList();
        foreach (var batch in numbers.Chunk(2_500))
        {
            await using var db = await api.DbAsync();
            foreach (var number in batch)
            {
                foreach (var country in new[] { "VN", "MX" })
                {
                    var supplier = new Supplier(
                        new SupplierProfile($"Paging {number:D5} Ltd", CountryCode.Parse(country), SupplierCategory.ContractManufacturer), "seed", "Seed", now);
                    db.Suppliers.Add(supplier);
                    ids.Add(supplier.Id);
                }
            }

            await db.SaveChangesAsync();
        }

        return ids;
    }
}
