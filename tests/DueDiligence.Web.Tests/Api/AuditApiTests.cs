using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Api;

/// <summary>The audit export (streamed JSON lines or CSV, filtered) and the verification with its signed receipt, for administrators.</summary>
public sealed class AuditApiTests(ApiApp api) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task Export_AsJsonLines_GivesTheRecordsEventsOldestFirstWithTheirHashes()
    {
        var analyst = await api.PersonAsync("Ada Audited");
        var supplierId = await api.SupplierAsync(analyst);
        var admin = await AdminClientAsync();

        var response = await admin.GetAsync($"/api/v1/audit/export?entityType=Supplier&entityKey={supplierId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/jsonl", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        await using var db = await api.DbAsync();
        var stored = await db.AuditEvents.Where(e => e.EntityType == "Supplier" && e.EntityKey.Contains(supplierId.ToString())).OrderBy(e => e.Id).ToListAsync();
        Assert.NotEmpty(stored);
        Assert.Equal(stored.Select(e => e.Id), lines.Select(l => l.GetProperty("id").GetInt64()));
        Assert.Equal(stored.Select(e => e.Hash), lines.Select(l => l.GetProperty("hash").GetString()));
        Assert.Equal(stored.Select(e => e.PreviousHash), lines.Select(l => l.GetProperty("previousHash").GetString()));
    }

    [Fact]
    public async Task Export_AsCsv_ByDateRange_KeepsToTheRange()
    {
        var admin = await AdminClientAsync();
        var now = api.Clock.GetUtcNow().UtcDateTime;

        var future = await admin.GetStringAsync($"/api/v1/audit/export?format=csv&from={now.AddDays(1):O}");
        var past = await admin.GetStringAsync($"/api/v1/audit/export?format=csv&to={now.AddDays(1):O}");
        var wrongFormat = await admin.GetAsync("/api/v1/audit/export?format=xml");

        Assert.Equal(["id,occurredAtUtc,actor,entityType,entityKey,action,changes,previousHash,chainVersion,hash"], future.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        var exported = past.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => long.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).ToList();
        await using var db = await api.DbAsync();
        var last = exported[^1];
        Assert.Equal(await db.AuditEvents.Where(e => e.Id <= last).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(), exported);
        await ApiAssert.ProblemAsync(wrongFormat, 400, "invalid fields");
    }

    [Fact]
    public async Task Verification_GivesIntactCountHeadAndASignedReceiptThatVerifiesLater()
    {
        var admin = await AdminClientAsync();

        var result = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/verification");

        await using var db = await api.DbAsync();
        var head = await db.AuditEvents.OrderByDescending(e => e.Id).FirstAsync(e => e.Id <= result.GetProperty("headEventId").GetInt64());
        Assert.True(result.GetProperty("isIntact").GetBoolean(), result.ToString());
        Assert.Equal(await db.AuditEvents.CountAsync(e => e.Id <= head.Id), result.GetProperty("verifiedCount").GetInt32());
        Assert.Equal(head.Hash, result.GetProperty("headHash").GetString());
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, result.GetProperty("verifiedAtUtc").GetDateTime().ToUniversalTime());
        var receipt = result.GetProperty("receipt");
        Assert.Equal(head.Hash, receipt.GetProperty("mac").GetString());
        var admins = await api.PersonAsync("Ada Verifier", AppRoles.Admin);
        var later = await api.AsAsync(admins, s => s.GetRequiredService<AuditLog>().VerifyAsync(receipt.GetRawText()));
        Assert.True(later.IsIntact, later.Reason);
        var forged = await api.AsAsync(admins, s => s.GetRequiredService<AuditLog>().VerifyAsync(receipt.GetRawText().Replace(head.Hash, new string('0', head.Hash.Length), StringComparison.Ordinal)));
        Assert.False(forged.IsIntact);
    }

    private async Task<HttpClient> AdminClientAsync() =>
        api.Client(await api.TokenAsync(await api.PersonAsync("Ada Admin", AppRoles.Admin), ApiApp.Read(ApiResource.Audit)));
}
