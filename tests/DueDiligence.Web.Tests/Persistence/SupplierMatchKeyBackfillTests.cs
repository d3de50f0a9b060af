using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Persistence;

/// <summary>The duplicate check's stored name keys, filled at start-up for suppliers saved before they existed.</summary>
public sealed class SupplierMatchKeyBackfillTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Analyst = [AppRoles.Analyst];

    [Fact]
    public async Task Run_FillsTheKeysOfASupplierSavedWithoutThem_WithoutAnAuditEventOrANewVersion()
    {
        const string name = "Đà Nẵng Precision Moulding Co., Ltd.";
        var id = await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(new SupplierInput
        {
            LegalName = name,
            HqCountry = "VN",
            Category = SupplierCategory.ContractManufacturer,
            Exposure = [new ExposureInput { Category = IpAssetCategory.DesignFiles, Sensitivity = 3 }],
        }));
        Guid version;
        int auditEvents;
        await using (var db = await app.CreateDbContextAsync())
        {
            await db.Suppliers.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.MatchKey, "").SetProperty(s => s.MatchStem, ""));
            version = await db.Suppliers.Where(s => s.Id == id).Select(s => s.Version).SingleAsync();
            auditEvents = await db.AuditEvents.CountAsync();
        }

        // The check reads the stored keys: without them it does not see the supplier.
        Assert.Empty(await SimilarAsync("DA NANG PRECISION MOULDING COMPANY LIMITED"));

        var filled = await SupplierMatchKeyBackfill.RunAsync(app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), CancellationToken.None);

        Assert.True(filled >= 1);
        await using (var db = await app.CreateDbContextAsync())
        {
            var stored = await db.Suppliers.Where(s => s.Id == id).Select(s => new { s.MatchKey, s.MatchStem, s.Version }).SingleAsync();
            Assert.Equal("DA NANG PRECISION MOULDING CO LTD", stored.MatchKey);
            Assert.Equal("DA NANG PRECISION MOULDING", stored.MatchStem);
            Assert.Equal(version, stored.Version);
            Assert.Equal(auditEvents, await db.AuditEvents.CountAsync());
            Assert.Equal(0, await db.Suppliers.CountAsync(s => s.MatchStem == ""));
        }

        var found = Assert.Single(await SimilarAsync("DA NANG PRECISION MOULDING COMPANY LIMITED"));
        Assert.Equal((id, NameMatch.Duplicate), (found.Id, found.Match));
        Assert.Equal(0, await SupplierMatchKeyBackfill.RunAsync(app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), CancellationToken.None));
    }

    private Task<IReadOnlyList<SimilarSupplier>> SimilarAsync(string name) =>
        app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierQueries>().SimilarAsync(name, "VN", null));
}
