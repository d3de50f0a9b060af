using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Persistence.Providers;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Persistence;

/// <summary>
/// The model on every provider, without a server: a model change without its migration fails here, for each provider;
/// the SQL Server model builds and writes its schema (no SQL Server engine runs on the build machines).
/// </summary>
public sealed class ProviderModelTests
{
    public static TheoryData<string> Providers => new() { "Sqlite", "SqlServer", "Postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Model_OnEveryProvider_HasAMigrationForEveryChange(string provider)
    {
        using var db = Create(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"The model differs from the last {provider} migration: add one with dotnet ef migrations add … --context {db.GetType().Name}.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void SqlServer_CreateScript_CreatesEveryTableWithBoundedIndexedColumns()
    {
        using var db = Create("SqlServer");

        var script = db.Database.GenerateCreateScript();

        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).Where(t => t is not null).Distinct())
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        // SQL Server cannot index nvarchar(max). A key declared longer than 900 bytes (clustered: primary keys) or 1,700 is
        // created with a warning and refuses only longer values: our own records stay within the limits; ASP.NET Identity's
        // user and role keys are declared at 450 characters and hold 36-character ids.
        var keys = db.Model.GetEntityTypes().SelectMany(entity =>
            entity.GetIndexes().Select(i => (Name: i.GetDatabaseName(), Entity: entity, i.Properties, Limit: 1700))
                .Concat(entity.GetKeys().Select(k => (Name: k.GetName(), Entity: entity, k.Properties, Limit: k.IsPrimaryKey() ? 900 : 1700))));
        foreach (var (name, entity, properties, limit) in keys)
        {
            var types = properties.Select(p => p.GetRelationalTypeMapping()).ToList();
            Assert.DoesNotContain(types, t => t.StoreType.EndsWith("(max)", StringComparison.Ordinal));
            if (entity.ClrType.Namespace?.StartsWith("DueDiligence", StringComparison.Ordinal) == true)
            {
                var bytes = types.Sum(t => t.StoreType.StartsWith("nvarchar", StringComparison.Ordinal) ? 2 * (t.Size ?? 0) : 16);
                Assert.True(bytes <= limit, $"{name} may be {bytes} bytes long, over SQL Server's {limit}: give its text columns a shorter maximum length.");
            }
        }
    }

    [Fact]
    public void SqlServer_MigrationScript_IsIdempotent()
    {
        using var db = Create("SqlServer");

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("__EFMigrationsHistory", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_KeepsTheMigrationHistoryOfEveryRelease()
    {
        using var db = Create("Sqlite");

        Assert.Equal(["20261123173323_Initial", "20261204173446_EvidenceWithdrawal"], db.Database.GetMigrations().Take(2));
    }

    [Theory]
    [InlineData("Oracle", "Database:Provider 'Oracle' is not known: use one of Sqlite, SqlServer, Postgres.")]
    [InlineData("SqlServer", "Database:Provider is SqlServer, but ConnectionStrings:App is empty: set it (environment variable ConnectionStrings__App).")]
    public void Settings_WhenIncomplete_SayWhatToSet(string provider, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider }).Build();
        var data = new DataDirectory(TestFolders.New());

        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.FromConfiguration(configuration, data));

        Assert.Equal(message, error.Message);
        Directory.Delete(data.Root, recursive: true);
    }

    private static AppDbContext Create(string provider) => provider switch
    {
        "SqlServer" => new SqlServerAppDbContext(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=model-only;Database=DueDiligence").Options),
        "Postgres" => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=model-only;Database=duediligence").Options),
        _ => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options),
    };
}
