using System.Net;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Backups;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Moving;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DueDiligence.Web.Tests.Moving;

/// <summary>
/// Moving off SQLite for real: the demo data of a SQLite installation moved by the move-data command into a new, empty
/// PostgreSQL database, and the app started on it.
/// </summary>
public sealed class MoveDataTests : IAsyncLifetime
{
    private readonly AppFactory _source = new(TestDatabase.Sqlite);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dd-move-tests", Guid.NewGuid().ToString("N"));
    private readonly string _database = $"dd_move_{Guid.NewGuid():N}";
    private TargetApp? _target;

    private string TargetConnection => new NpgsqlConnectionStringBuilder
    {
        Host = PostgresFactAttribute.Socket,
        Database = _database,
        Username = "postgres",
    }.ToString();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }

        await _source.DisposeAsync();
        if (PostgresFactAttribute.Socket is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [PostgresFact]
    public async Task MoveData_FromSqliteDemoDataIntoAnEmptyPostgresDatabase_KeepsEveryRowTheChainEvidenceAndSignIn()
    {
        _ = _source.Services; // seeds the demo data
        await ExecuteOnServerAsync($"CREATE DATABASE {_database}");
        var evidence = Path.Combine(_folder, "evidence");

        var whileRunning = await MoveAsync(_source.DataDirectory, evidence);
        await StopCopyOfSourceAsync();
        var move = await MoveAsync(Installation, evidence);

        Assert.Equal(BackupCommandLine.Failed, whileRunning.ExitCode);
        Assert.Contains($"An app is running on the data directory {_source.DataDirectory}", whileRunning.Error, StringComparison.Ordinal);

        Assert.True(move.ExitCode == BackupCommandLine.Succeeded, move.ToString());
        var tables = ModelTables();
        var sourceRows = await SqliteCountsAsync(tables);
        var targetRows = await PostgresCountsAsync(tables);
        Assert.Equal(sourceRows, targetRows);
        Assert.True(sourceRows["AuditEvents"] > 0 && sourceRows["AspNetUsers"] > 0 && sourceRows["EvidenceFiles"] > 0);
        Assert.Contains($"The audit chain verifies on the target: {sourceRows["AuditEvents"]} events.", move.Output, StringComparison.Ordinal);

        Assert.Contains("Give it the same audit chain key", move.Output, StringComparison.Ordinal);
        _target = new TargetApp(Path.Combine(_folder, "data"), evidence, TargetConnection, Path.Combine(Installation, "keys", AuditChainKey.DefaultFileName));
        // The audit trail goes on after the copied events: new ids above theirs, chained to the last of them.
        await AddSupplierAsync(_target.Services);
        var chain = await AppFactory.AsUserAsync(_target.Services, "admin", [AppRoles.Admin], s => s.GetRequiredService<AuditLog>().VerifyAsync());
        Assert.True(chain.IsIntact, chain.Reason);
        Assert.True(chain.VerifiedCount > sourceRows["AuditEvents"], $"{chain.VerifiedCount} events verified");

        var files = await StoredEvidence.AllAsync(_target.Services);
        Assert.Equal(await StoredEvidence.AllAsync(_source.Services), files);
        var legal = DemoAccounts.ForRole(AppRoles.LegalReviewer);
        var client = _target.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(client, legal.Email, legal.Password)).StatusCode);
        var download = await client.GetAsync(files[0].DownloadUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(files[0].PathIn(Path.Combine(_source.DataDirectory, "evidence"))), await download.Content.ReadAsByteArrayAsync());

        // The target now holds data: a second move is refused and changes nothing.
        var before = await PostgresCountsAsync(tables);
        var again = await MoveAsync(Installation, Path.Combine(_folder, "evidence-again"));

        Assert.Equal(BackupCommandLine.Failed, again.ExitCode);
        Assert.Contains("The target database is not empty: ", again.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, await PostgresCountsAsync(tables));
        Assert.False(Directory.Exists(Path.Combine(_folder, "evidence-again")));
    }

    private static Task AddSupplierAsync(IServiceProvider services) =>
        AppFactory.AsUserAsync(services, "analyst", [AppRoles.Analyst], async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var now = DateTime.UtcNow;
            db.Suppliers.Add(new Supplier(new SupplierProfile("Moved Supplier", CountryCode.Parse("VN"), SupplierCategory.ContractManufacturer), "analyst", "analyst", now));
            return await db.SaveChangesAsync();
        });

    /// <summary>The installation moved: a copy of the source app's data directory, as when that app is stopped.</summary>
    private string Installation => Path.Combine(_folder, "sqlite");

    private async Task StopCopyOfSourceAsync()
    {
        Directory.CreateDirectory(Installation);
        await SqliteDatabaseFile.CopyAsync(Path.Combine(_source.DataDirectory, "duediligence.db"), Path.Combine(Installation, "duediligence.db"), CancellationToken.None);
        // The evidence files, and the keys folder with the audit chain key the move verifies the chain with.
        foreach (var folder in new[] { "evidence", "keys" })
        {
            var from = Path.Combine(_source.DataDirectory, folder);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(Installation, folder, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
        }
    }

    private async Task<CommandResult> MoveAsync(string dataDirectory, string evidenceTo)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await MoveDataCommandLine.RunAsync(
            ["move-data", "--to", "postgres", "--connection", TargetConnection, "--data-directory", dataDirectory, "--evidence-to", evidenceTo],
            output, error);
        return new(exitCode, output.ToString(), error.ToString());
    }

    private IReadOnlyList<string> ModelTables()
    {
        using var scope = _source.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.Model.GetRelationalModel().Tables.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<Dictionary<string, long>> SqliteCountsAsync(IReadOnlyList<string> tables)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Installation, "duediligence.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }

        return counts;
    }

    private async Task<Dictionary<string, long>> PostgresCountsAsync(IReadOnlyList<string> tables)
    {
        await using var connection = new NpgsqlConnection(TargetConnection);
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }

        return counts;
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = PostgresFactAttribute.Socket,
            Database = "postgres",
            Username = "postgres",
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record CommandResult(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
    }

    /// <summary>The app on the moved database, with the copied evidence folder and no demo data of its own.</summary>
    private sealed class TargetApp(string dataDirectory, string evidence, string connection, string chainKeyFile) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("DataDirectory", dataDirectory);
            builder.UseSetting("Evidence:Root", evidence);
            builder.UseSetting("DemoData:Enabled", "false");
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Postgres));
            builder.UseSetting("ConnectionStrings:App", connection);
            builder.UseSetting(AuditChainKey.KeyFileSetting, chainKeyFile);
        }
    }
}
