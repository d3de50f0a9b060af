using System.Net;
using System.Text;
using DueDiligence.Domain.IpRights;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.IpRights;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.IpRights;

/// <summary>The IP rights register through the real use cases: who may change it, the rights matrix of a supplier, and the CSV export.</summary>
public sealed class IpRightsTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string> NonEditors => [AppRoles.Analyst, AppRoles.Executive];

    public static TheoryData<string> Editors => [AppRoles.LegalReviewer, AppRoles.Admin];

    public static TheoryData<string> AllRoles => [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive, AppRoles.Admin];

    [Theory]
    [MemberData(nameof(NonEditors))]
    public async Task AddUpdateRemove_WhenNotLegalOrAdmin_AreForbiddenAndNothingChanges(string role)
    {
        var id = await AddAsync(Trademark($"GUARDED {Guid.NewGuid():N}"[..16], "CN"));
        var right = await GetAsync(id);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("x@test", [role], s => s.GetRequiredService<IpRightCommands>().AddAsync(Trademark("SNEAKY", "VN"))));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("x@test", [role], s => s.GetRequiredService<IpRightCommands>().UpdateAsync(id, right.Version, Trademark("RENAMED", "VN"))));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("x@test", [role], s => s.GetRequiredService<IpRightCommands>().RemoveAsync(id, right.Version)));

        var after = await GetAsync(id);
        Assert.Equal(right.Title, after.Title);
        Assert.Equal(right.Version, after.Version);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.IpRights.AnyAsync(r => r.Title == "SNEAKY"));
    }

    [Theory]
    [MemberData(nameof(Editors))]
    public async Task AddUpdateRemove_AsLegalOrAdmin_AreSavedAndAudited(string role)
    {
        var title = $"EDITED {Guid.NewGuid():N}"[..14];
        var id = await app.AsUserAsync($"{role}@test", [role], s => s.GetRequiredService<IpRightCommands>().AddAsync(Trademark(title, "CN")));
        var version = (await GetAsync(id)).Version;
        await app.AsUserAsync($"{role}@test", [role], s => s.GetRequiredService<IpRightCommands>().UpdateAsync(id, version, Trademark(title, "CN", "VN")));

        Assert.Equal(["CN", "VN"], (await GetAsync(id)).Countries.Select(c => c.Country.Value).Order());
        version = (await GetAsync(id)).Version;
        await app.AsUserAsync($"{role}@test", [role], s => s.GetRequiredService<IpRightCommands>().RemoveAsync(id, version));

        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.IpRights.AnyAsync(r => r.Id == id));
        var events = await db.AuditEvents.Where(e => e.EntityType == nameof(IpRight) && e.EntityKey == id.ToString() && e.Actor == $"{role}@test").ToListAsync();
        Assert.Equal(3, events.Count);
    }

    [Fact]
    public async Task Update_FromAnOlderVersion_IsRefusedAndKeepsTheNewerChange()
    {
        var id = await AddAsync(Trademark($"RACE {Guid.NewGuid():N}"[..12], "CN"));
        var stale = (await GetAsync(id)).Version;
        await app.AsUserAsync("legal@test", [AppRoles.LegalReviewer], s => s.GetRequiredService<IpRightCommands>().UpdateAsync(id, stale, Trademark("FIRST WINS", "CN")));

        var error = await Assert.ThrowsAsync<DueDiligence.Web.Infrastructure.ConcurrencyConflictException>(() =>
            app.AsUserAsync("admin@test", [AppRoles.Admin], s => s.GetRequiredService<IpRightCommands>().UpdateAsync(id, stale, Trademark("SECOND LOSES", "CN"))));

        Assert.Contains("was changed by someone else", error.Message, StringComparison.Ordinal);
        Assert.Equal("FIRST WINS", (await GetAsync(id)).Title);
    }

    [Fact]
    public async Task Add_WithoutProtectedAssetsOrWithTradeSecretCountries_IsRefusedInPlainWords()
    {
        var noAssets = Trademark("NO ASSETS", "CN");
        noAssets.Protects = [];
        var validation = await Assert.ThrowsAsync<ValidationException>(() => app.AsUserAsync("legal@test", [AppRoles.LegalReviewer], s => s.GetRequiredService<IpRightCommands>().AddAsync(noAssets)));
        Assert.Contains("Choose at least one kind of IP the right protects.", validation.Errors.Select(e => e.ErrorMessage));

        var secret = Trademark("SECRET", "CN");
        secret.Kind = IpRightKind.TradeSecret;
        var domain = await Assert.ThrowsAsync<DueDiligence.Domain.Common.DomainException>(() => app.AsUserAsync("legal@test", [AppRoles.LegalReviewer], s => s.GetRequiredService<IpRightCommands>().AddAsync(secret)));
        Assert.Equal("A trade secret is not filed or registered with an office: leave its countries empty.", domain.Message);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Matrix_ForEveryRoleThatReadsSuppliers_ShowsTheTrademarkGapInTheVietnameseSite(string role)
    {
        var mark = $"LANTERN {Guid.NewGuid():N}"[..15];
        await AddAsync(Trademark(mark, "CN"));
        var supplierId = await SupplierAsync(("CN", "Ningbo"), ("VN", "Bac Ninh"));

        var rights = await app.AsUserAsync("reader@test", [role], s => s.GetRequiredService<IpRightQueries>().MatrixAsync(supplierId));

        var gap = Assert.Single(rights!.Matrix.Gaps, g => g.Right?.Title == mark);
        Assert.Equal("VN", gap.Country?.Value);
        Assert.Contains($"Our trademark “{mark}” (word mark), which protects brand assets, is not registered in Vietnam.", gap.Text, StringComparison.Ordinal);
        Assert.Contains("Vietnam registers trademarks first-to-file", gap.Text, StringComparison.Ordinal);
        Assert.Contains("Vietnam a Madrid member since 2006; WIPO Madrid status list, 2026", gap.Text, StringComparison.Ordinal);
        Assert.Equal(role is AppRoles.LegalReviewer or AppRoles.Admin, rights.CanEditRegister);
    }

    [Fact]
    public async Task Matrix_OfASupplierThatDoesNotExist_IsNull()
    {
        Assert.Null(await app.AsUserAsync("ana@test", [AppRoles.Analyst], s => s.GetRequiredService<IpRightQueries>().MatrixAsync(Guid.NewGuid())));
    }

    [Fact]
    public async Task Export_AsAnalyst_IsTheRegisterAsCsvThatReadsBackTheSameRights()
    {
        var mark = $"EXPORTED {Guid.NewGuid():N}"[..16];
        await AddAsync(Trademark(mark, "CN", "VN"));
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        using var client = await app.SignInAsync(analyst.Email, analyst.Password);

        var response = await client.GetAsync(IpRightEndpointsPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var file = IpRightCsv.Read(await response.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(file.Rows, r => r.Title == mark);
        Assert.Empty(row.Errors);
        Assert.Equal(IpRightKind.TrademarkWord, row.Details!.Kind);
        Assert.Equal(["CN", "VN"], row.Details.Countries.Select(c => c.Country.Value).Order());
    }

    [Fact]
    public async Task Export_WhenAnonymous_IsNotServed()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync(IpRightEndpointsPath);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Owner entity", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private const string IpRightEndpointsPath = "/ip-rights/export.csv";

    internal static IpRightInput Trademark(string title, params string[] countries) => new()
    {
        Kind = IpRightKind.TrademarkWord,
        Title = title,
        Number = "TM-1",
        OwnerEntity = "Northwind Instruments GmbH",
        Protects = [IpAssetCategory.BrandAssets],
        Countries = [.. countries.Select(c => new IpRightCountryInput { Country = c, Status = RightStatus.Registered, RegisteredOn = new DateOnly(2020, 5, 1) })],
    };

    private Task<Guid> AddAsync(IpRightInput input) =>
        app.AsUserAsync("legal@test", [AppRoles.LegalReviewer], s => s.GetRequiredService<IpRightCommands>().AddAsync(input));

    private async Task<IpRight> GetAsync(Guid id) =>
        (await app.AsUserAsync("legal@test", [AppRoles.LegalReviewer], s => s.GetRequiredService<IpRightQueries>().GetAsync(id)))!;

    private Task<Guid> SupplierAsync(params (string Country, string City)[] sites) =>
        app.AsUserAsync("ana@test", [AppRoles.Analyst], s => s.GetRequiredService<SupplierCommands>().CreateAsync(new SupplierInput
        {
            LegalName = $"Rights Supplier {Guid.NewGuid():N}"[..26],
            HqCountry = sites[0].Country,
            Category = SupplierCategory.ContractManufacturer,
            Sites = [.. sites.Select(site => new SiteInput { Country = site.Country, City = site.City, Activities = SiteActivity.FinalAssembly })],
            Exposure = [new ExposureInput { Category = IpAssetCategory.BrandAssets, Sensitivity = 3 }],
        }));
}
