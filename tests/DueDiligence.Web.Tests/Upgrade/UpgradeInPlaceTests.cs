using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using DueDiligence.Domain.Auditing;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Upgrade;

/// <summary>
/// A data folder written by the November 2026 release (.NET 9, Radzen: its database, demo records and evidence files,
/// kept in Fixtures/) is opened by this release: the database upgrades in place and nothing is lost.
/// </summary>
public sealed class UpgradeInPlaceTests : IAsyncLifetime
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Upgrade", "Fixtures", "data-folder-release-2026-11.zip");

    // The upgrade of the SQLite history, whatever the engine of the test run.
    private readonly AppFactory _app = new(TestDatabase.Sqlite);
    private RecordCounts _before = default!;

    public async Task InitializeAsync()
    {
        ZipFile.ExtractToDirectory(Fixture, _app.DataDirectory);
        _before = await CountAsync(Path.Combine(_app.DataDirectory, "duediligence.db"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Start_WhenTheDataFolderIsFromTheNovember2026Release_AppliesEveryMigrationAndKeepsEveryRecord()
    {
        await using var db = await _app.CreateDbContextAsync();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(12, _before.Suppliers);
        Assert.Equal(_before.Suppliers, await db.Suppliers.CountAsync());
        Assert.Equal(_before.Assessments, await db.Assessments.CountAsync());
        Assert.Equal(_before.Jurisdictions, await db.Jurisdictions.CountAsync());
        Assert.Equal(_before.Templates, await db.TemplateVersions.CountAsync());
        Assert.True(await db.AuditEvents.CountAsync() >= _before.AuditEvents);
    }

    [Fact]
    public async Task Start_WhenTheDataFolderIsFromTheNovember2026Release_KeepsTheAuditChainIntact_AndGoesOnWithKeyedEvents()
    {
        await _app.AsUserAsync("admin", [AppRoles.Admin], async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            db.Suppliers.Add(new Supplier(new SupplierProfile("After the upgrade", CountryCode.Parse("VN"), SupplierCategory.ContractManufacturer), "admin", "admin", DateTime.UtcNow));
            await db.SaveChangesAsync();
        });

        var verification = await _app.AsUserAsync("admin", [AppRoles.Admin], services => services.GetRequiredService<AuditLog>().VerifyAsync());

        Assert.True(verification.IsIntact, verification.Reason);
        Assert.True(verification.VerifiedCount >= _before.AuditEvents);
        // The November events verify by rule 1 (SHA-256); those written since, the first linked to the last of them, by rule 2.
        Assert.Equal(_before.AuditEvents, verification.VerifiedByVersion[AuditChainSigner.Unkeyed]);
        Assert.True(verification.VerifiedByVersion[AuditChainSigner.Keyed] >= 1);
        Assert.Single(verification.MatchedAnchors);
    }

    [Fact]
    public async Task Start_WhenTheDataFolderIsFromTheNovember2026Release_ServesEveryEvidenceFileWithItsRecordedHash()
    {
        await using var db = await _app.CreateDbContextAsync();
        var files = await db.Assessments.AsNoTracking().SelectMany(a => a.Evidence).Select(e => new { e.StorageKey, e.Sha256 }).ToListAsync();
        var store = _app.Services.GetRequiredService<EvidenceStore>();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            await using var content = store.OpenRead(file.StorageKey);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(content)));
        }
    }

    [Fact]
    public async Task SignIn_WhenTheAccountWasCreatedByTheNovember2026Release_Succeeds()
    {
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);

        var response = await SignInForm.PostAsync(_app.CreateBrowserLikeClient(), analyst.Email, analyst.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<RecordCounts> CountAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        async Task<int> Count(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return new RecordCounts(await Count("Suppliers"), await Count("Assessments"), await Count("Jurisdictions"), await Count("TemplateVersions"), await Count("AuditEvents"));
    }

    private sealed record RecordCounts(int Suppliers, int Assessments, int Jurisdictions, int Templates, int AuditEvents);
}
