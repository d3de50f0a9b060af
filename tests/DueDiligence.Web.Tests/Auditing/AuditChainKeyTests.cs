using System.Text;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Tests.Auditing;

/// <summary>Where the audit chain key comes from: never the database; generated for the embedded database, required for a server one.</summary>
public sealed class AuditChainKeyTests : IAsyncLifetime
{
    private readonly AppFactory app = new(TestDatabase.SqliteSeededAtStart);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task FirstStartOnSqlite_GeneratesTheKeyInTheDataDirectoryOwnerOnly_AndNeverWritesItToTheDatabase()
    {
        _ = app.Services; // first start: demo data, all of it audited
        var keyFile = Path.Combine(app.DataDirectory, "keys", AuditChainKey.DefaultFileName);
        var text = (await File.ReadAllTextAsync(keyFile)).Trim();
        var key = Convert.FromBase64String(text);
        await using (var db = await app.CreateDbContextAsync())
        {
            Assert.True(await db.AuditEvents.CountAsync() > 10);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        var database = Path.Combine(app.DataDirectory, "duediligence.db");
        var stored = new[] { "", "-wal", "-shm" }.Select(s => database + s).Where(File.Exists).SelectMany(File.ReadAllBytes).ToArray();

        Assert.Equal(32, key.Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        Assert.True(stored.Length > 100_000);
        Assert.False(stored.AsSpan().IndexOf(key) >= 0, "The key's bytes are in the database file.");
        Assert.False(stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0, "The key's base64 text is in the database file.");
        Assert.False(stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Convert.ToHexStringLower(key))) >= 0, "The key's hex is in the database file.");
    }

    [Theory]
    [InlineData("Postgres", "Host=127.0.0.1;Port=1;Database=none")]
    [InlineData("SqlServer", "Server=127.0.0.1,1;Database=none")]
    public void Start_OnAServerDatabaseWithoutAKey_IsRefusedNamingTheSetting(string provider, string connection)
    {
        var error = StartUpFailure.Of(app, builder =>
        {
            builder.UseSetting("Database:Provider", provider);
            builder.UseSetting("ConnectionStrings:App", connection);
            builder.UseSetting(AuditChainKey.KeySetting, "");
        });

        Assert.Contains($"Database:Provider is {provider}, but no audit chain key is configured: set Audit:ChainKey (environment variable Audit__ChainKey)", error, StringComparison.Ordinal);
        Assert.Contains("Every instance must use the same key", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithAKeyShorterThan32Bytes_IsRefused()
    {
        var error = StartUpFailure.Of(app, builder => builder.UseSetting(AuditChainKey.KeySetting, Convert.ToBase64String(new byte[16])));

        Assert.Contains("The audit chain key in Audit:ChainKey (environment variable Audit__ChainKey) is 16 bytes long; it must be at least 32.", error, StringComparison.Ordinal);
    }
}
