using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Tests.Api;

/// <summary>The supplier endpoints: the record rules of the pages, ETag / If-Match, and problem details for bad input.</summary>
public sealed class SupplierApiTests(ApiApp api) : IClassFixture<ApiApp>
{
    private const string Suppliers = "/api/v1/suppliers";

    private static readonly string[] Write = [ApiApp.ReadWrite(ApiResource.Suppliers)];

    /// <summary>Who may change a supplier through the API: its owner and collaborators, as on the edit page; others read it.</summary>
    [Theory]
    [InlineData("owner", HttpStatusCode.OK, null)]
    [InlineData("other analyst", HttpStatusCode.Forbidden, "edit this supplier")]
    [InlineData(AppRoles.LegalReviewer, HttpStatusCode.Forbidden, "needs the role")]
    [InlineData(AppRoles.Executive, HttpStatusCode.Forbidden, "needs the role")]
    [InlineData(AppRoles.Admin, HttpStatusCode.Forbidden, "needs the role")]
    public async Task Put_BySomeoneOtherThanTheTeam_IsRefusedLikeThePage(string who, HttpStatusCode expected, string? refusal)
    {
        var owner = await api.PersonAsync("Olga Owner");
        var id = await api.SupplierAsync(owner);
        var caller = who == "owner" ? owner : await api.PersonAsync($"Caller {who}", who == "other analyst" ? AppRoles.Analyst : who);
        var client = api.Client(await api.TokenAsync(caller, Write));
        var (etag, profile) = await ReadAsync(client, id);
        profile["description"] = "Changed through the API";

        var response = await PutAsync(client, id, profile, etag);

        Assert.Equal(expected, response.StatusCode);
        var (_, after) = await ReadAsync(client, id);
        Assert.Equal(expected == HttpStatusCode.OK ? "Changed through the API" : null, after["description"]?.GetValue<string>());
        if (refusal is not null)
        {
            await ApiAssert.ProblemAsync(response, 403, refusal);
        }
    }

    /// <summary>Who may register a supplier: analysts, as on the register page.</summary>
    [Theory]
    [InlineData(AppRoles.Analyst, HttpStatusCode.Created)]
    [InlineData(AppRoles.LegalReviewer, HttpStatusCode.Forbidden)]
    [InlineData(AppRoles.Executive, HttpStatusCode.Forbidden)]
    [InlineData(AppRoles.Admin, HttpStatusCode.Forbidden)]
    public async Task Post_ByRole_IsAllowedOnlyToAnalysts(string role, HttpStatusCode expected)
    {
        var caller = await api.PersonAsync($"Creator {role}", role);
        var name = $"Created By {role} {Guid.NewGuid():N}"[..30];

        var response = await api.Client(await api.TokenAsync(caller, Write)).PostAsJsonAsync(Suppliers, ApiAssert.NewSupplier(name));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Created)
        {
            var created = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(name, created.GetProperty("profile").GetProperty("legalName").GetString());
            Assert.Equal($"{Suppliers}/{created.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task Put_WithoutIfMatch_Is428AndChangesNothing()
    {
        var owner = await api.PersonAsync("Olga Forgetful");
        var id = await api.SupplierAsync(owner);
        var client = api.Client(await api.TokenAsync(owner, Write));
        var (_, profile) = await ReadAsync(client, id);
        profile["description"] = "Without If-Match";

        var response = await PutAsync(client, id, profile, etag: null);

        await ApiAssert.ProblemAsync(response, 428, "If-Match");
        Assert.Null((await ReadAsync(client, id)).Profile["description"]);
    }

    [Fact]
    public async Task Put_WithTheETagOfAnOlderVersion_Is412AndKeepsTheOtherChange()
    {
        var owner = await api.PersonAsync("Olga Racer");
        var id = await api.SupplierAsync(owner);
        var client = api.Client(await api.TokenAsync(owner, Write));
        var (etag, profile) = await ReadAsync(client, id);
        profile["description"] = "First writer";
        var first = await PutAsync(client, id, profile, etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag!.Tag);

        profile["description"] = "Second writer, from the old version";
        var second = await PutAsync(client, id, profile, etag);

        await ApiAssert.ProblemAsync(second, 412, "changed by someone else");
        Assert.Equal("First writer", (await ReadAsync(client, id)).Profile["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_WithInvalidFields_Is400WithFieldErrors()
    {
        var analyst = await api.PersonAsync("Olga Sloppy");
        var client = api.Client(await api.TokenAsync(analyst, Write));

        var response = await client.PostAsJsonAsync(Suppliers, new { legalName = "", hqCountry = "XX" });

        var problem = await ApiAssert.ProblemAsync(response, 400, "invalid fields");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("LegalName", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("HqCountry", out _), errors.ToString());
    }

    [Fact]
    public async Task Get_OfAnUnknownSupplier_Is404Problem()
    {
        var analyst = await api.PersonAsync("Olga Lost");

        var response = await api.Client(await api.TokenAsync(analyst, ApiApp.Read(ApiResource.Suppliers))).GetAsync($"{Suppliers}/{Guid.NewGuid()}");

        await ApiAssert.ProblemAsync(response, 404, "no supplier");
    }

    [Fact]
    public async Task Get_WithABrokenCursor_Is400NamingTheCursor()
    {
        var analyst = await api.PersonAsync("Olga Cursor");

        var response = await api.Client(await api.TokenAsync(analyst, ApiApp.Read(ApiResource.Suppliers))).GetAsync($"{Suppliers}?cursor=not-one");

        var problem = await ApiAssert.ProblemAsync(response, 400, "invalid fields");
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    private static async Task<(string ETag, JsonObject Profile)> ReadAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"{Suppliers}/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (response.Headers.ETag!.Tag, body["profile"]!.AsObject());
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, JsonObject profile, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{Suppliers}/{id}") { Content = JsonContent.Create(profile) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        }

        return client.SendAsync(request);
    }
}
