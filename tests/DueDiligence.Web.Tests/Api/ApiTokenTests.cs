using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Api;

/// <summary>Personal access tokens: who they sign in, what they are refused, and what the database keeps of them.</summary>
public sealed class ApiTokenTests(ApiApp api) : IClassFixture<ApiApp>
{
    private const string Suppliers = "/api/v1/suppliers";

    [Fact]
    public async Task Get_WithTokenOfReadScope_ListsSuppliersAsItsUser()
    {
        var analyst = await api.PersonAsync("Ada Reader");
        await api.SupplierAsync(analyst, "Token Listing Works Ltd");
        var token = await api.TokenAsync(analyst, ApiApp.Read(ApiResource.Suppliers));

        var response = await api.Client(token).GetAsync($"{Suppliers}?search=Token%20Listing%20Works");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Token Listing Works Ltd", body.GetProperty("items")[0].GetProperty("legalName").GetString());
        Assert.Equal("Ada Reader", body.GetProperty("items")[0].GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Get_WithoutToken_Is401ProblemNamingBearer()
    {
        var response = await api.Client().GetAsync(Suppliers);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        await ApiAssert.ProblemAsync(response, 401, "Authorization: Bearer");
    }

    [Fact]
    public async Task Get_WithSignedInSessionCookieOnly_IsRefused()
    {
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        await using var factory = new AppFactory();
        var browser = await factory.SignInAsync(analyst.Email, analyst.Password);

        var response = await browser.GetAsync(Suppliers);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("/suppliers", (await browser.GetAsync("/suppliers")).RequestMessage!.RequestUri!.AbsolutePath); // the session itself works
    }

    [Fact]
    public async Task Get_WithTokenWithoutTheScope_Is403NamingTheScope()
    {
        var analyst = await api.PersonAsync("Ada Auditless");
        var token = await api.TokenAsync(analyst, ApiApp.Read(ApiResource.Reports));

        var response = await api.Client(token).GetAsync(Suppliers);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await ApiAssert.ProblemAsync(response, 403, "suppliers:read");
    }

    [Fact]
    public async Task Post_WithReadScopeOnly_Is403AndRegistersNothing()
    {
        var analyst = await api.PersonAsync("Ada Readonly");
        var token = await api.TokenAsync(analyst, ApiApp.Read(ApiResource.Suppliers));

        var response = await api.Client(token).PostAsJsonAsync(Suppliers, ApiAssert.NewSupplier("Read Scope Cannot Write Ltd"));

        await ApiAssert.ProblemAsync(response, 403, "suppliers:write");
        await using var db = await api.DbAsync();
        Assert.False(await db.Suppliers.AnyAsync(s => s.LegalName == "Read Scope Cannot Write Ltd"));
    }

    [Fact]
    public async Task Get_WithRevokedToken_Is401AndRecordedAsRefused()
    {
        var analyst = await api.PersonAsync("Ada Revoker");
        var made = await api.TokensAsync(analyst, t => t.CreateAsync(new() { Name = "Old sync", Scopes = [ApiApp.Read(ApiResource.Suppliers)], ExpiresInDays = 30 }));
        Assert.Equal(HttpStatusCode.OK, (await api.Client(made.Secret).GetAsync(Suppliers)).StatusCode);

        await api.TokensAsync(analyst, t => t.RevokeAsync(made.Token.Id));
        var response = await api.Client(made.Secret).GetAsync(Suppliers);

        await ApiAssert.ProblemAsync(response, 401, "revoked");
        var events = await EventsAsync(analyst.Id);
        Assert.Contains(events, e => e.EntityType == nameof(SecurityEvent.ApiTokenCreated) && e.Changes.Contains("Old sync"));
        Assert.Contains(events, e => e.EntityType == nameof(SecurityEvent.ApiTokenRevoked));
        Assert.Contains(events, e => e.EntityType == nameof(SecurityEvent.ApiTokenRefused) && e.Changes.Contains("revoked"));
    }

    [Fact]
    public async Task Get_AfterTheTokenExpired_Is401()
    {
        var analyst = await api.PersonAsync("Ada Expiring");
        var token = await api.TokenAsync(analyst, ApiApp.Read(ApiResource.Suppliers)); // 30 days
        api.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(HttpStatusCode.OK, (await api.Client(token).GetAsync(Suppliers)).StatusCode);

        api.Clock.Advance(TimeSpan.FromDays(1));
        var response = await api.Client(token).GetAsync(Suppliers);

        await ApiAssert.ProblemAsync(response, 401, "expired");
    }

    [Fact]
    public async Task Get_WhenTheAccountIsLocked_Is401()
    {
        var analyst = await api.PersonAsync("Ada Locked");
        var token = await api.TokenAsync(analyst, ApiApp.Read(ApiResource.Suppliers));
        await api.AsAsync(analyst, async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByIdAsync(analyst.Id))!, AppUser.AdministratorLockEnd);
        });

        var response = await api.Client(token).GetAsync(Suppliers);

        await ApiAssert.ProblemAsync(response, 401, "locked");
    }

    [Theory]
    [InlineData("ddpat_tooshort")]
    [InlineData("not-a-token-at-all")]
    [InlineData("ddpat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Get_WithMadeUpToken_Is401(string token)
    {
        var response = await api.Client(token).GetAsync(Suppliers);

        await ApiAssert.ProblemAsync(response, 401, "refused the token");
    }

    [Fact]
    public async Task Create_KeepsOnlyTheHashAndThePrefix()
    {
        var analyst = await api.PersonAsync("Ada Hashed");
        var made = await api.TokensAsync(analyst, t => t.CreateAsync(new() { Name = "Hash check", Scopes = [ApiApp.Read(ApiResource.Audit)], ExpiresInDays = 7 }));

        await using var db = await api.DbAsync();
        var row = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == made.Token.Id);
        Assert.StartsWith(ApiTokenSecret.Marker, made.Secret, StringComparison.Ordinal);
        Assert.Equal(ApiTokenSecret.Marker.Length + 43, made.Secret.Length); // 256 bits in base64url
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(made.Secret))), row.SecretHash);
        Assert.Equal(made.Secret[..ApiTokenSecret.PrefixLength], row.Prefix);
        Assert.DoesNotContain(made.Secret, JsonSerializer.Serialize(row), StringComparison.Ordinal);
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Changes.Contains(row.SecretHash) || e.Changes.Contains(made.Secret)));
    }

    [Fact]
    public async Task Revoke_OfAnotherUsersToken_IsRefusedAndTheTokenKeepsWorking()
    {
        var owner = await api.PersonAsync("Ada Owner");
        var other = await api.PersonAsync("Bob Other", AppRoles.Admin);
        var made = await api.TokensAsync(owner, t => t.CreateAsync(new() { Name = "Mine", Scopes = [ApiApp.Read(ApiResource.Suppliers)], ExpiresInDays = 7 }));

        await Assert.ThrowsAsync<ForbiddenException>(() => api.TokensAsync(other, t => t.RevokeAsync(made.Token.Id)));

        Assert.Equal(HttpStatusCode.OK, (await api.Client(made.Secret).GetAsync(Suppliers)).StatusCode);
        Assert.DoesNotContain(await api.TokensAsync(other, t => t.MineAsync()), t => t.Id == made.Token.Id);
    }

    [Fact]
    public async Task Get_RecordsLastUse()
    {
        var analyst = await api.PersonAsync("Ada Used");
        var made = await api.TokensAsync(analyst, t => t.CreateAsync(new() { Name = "Used", Scopes = [ApiApp.Read(ApiResource.Suppliers)], ExpiresInDays = 7 }));
        Assert.Null(made.Token.LastUsedAtUtc);

        await api.Client(made.Secret).GetAsync(Suppliers);

        Assert.NotNull((await api.TokensAsync(analyst, t => t.MineAsync())).Single().LastUsedAtUtc);
    }

    [Fact]
    public async Task Create_WithoutScopesOrName_IsRefusedWithReasons()
    {
        var analyst = await api.PersonAsync("Ada Careless");

        var refusal = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            api.TokensAsync(analyst, t => t.CreateAsync(new() { Name = " ", Scopes = [], ExpiresInDays = 3 })));

        Assert.Equal(["ExpiresInDays", "Name", "Scopes"], refusal.Errors.Select(e => e.PropertyName).Distinct().Order());
    }

    private async Task<List<Domain.Auditing.AuditEvent>> EventsAsync(string userId)
    {
        await using var db = await api.DbAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.EntityKey == userId).ToListAsync();
    }
}
