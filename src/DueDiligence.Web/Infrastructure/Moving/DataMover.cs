using System.Data.Common;
using DueDiligence.Domain.Approvals;
using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DueDiligence.Web.Infrastructure.Moving;

/// <summary>
/// Moves the database of a SQLite installation into an empty server database: the target gets its provider's schema,
/// then every table of the model is copied with its ids in one transaction, which is committed only when the row counts
/// match and the audit chain verifies on the target (with the installation's chain key). A target that holds any row is
/// refused before anything is written.
/// </summary>
public sealed class DataMover(TextWriter output, AuditChainSigner signer)
{
    /// <param name="sqliteFile">An existing SQLite database (opening a missing one would create it empty).</param>
    public async Task<MoveReport> MoveAsync(string sqliteFile, DatabaseProvider provider, string connectionString, CancellationToken ct)
    {
        await using var source = MoveContexts.Source(sqliteFile);
        if ((await source.Database.GetPendingMigrationsAsync(ct)).ToList() is [_, ..] behind)
        {
            throw new MoveDataException(
                $"The SQLite database {sqliteFile} lacks {behind.Count} migration(s) of this release ({string.Join(", ", behind)}): start this release of the app on it once (it migrates at start-up), stop it, then move.");
        }

        await using var target = MoveContexts.Target(provider, connectionString);
        await PrepareSchemaAsync(target, provider, ct);

        var sourceConnection = (SqliteConnection)source.Database.GetDbConnection();
        await sourceConnection.OpenAsync(ct);
        // One read snapshot of the file for every table, counts included.
        await using var snapshot = sourceConnection.BeginTransaction(deferred: true);
        await using var write = await target.Database.BeginTransactionAsync(ct);
        var targetConnection = target.Database.GetDbConnection();
        var tables = TableOrder.PrincipalsFirst(target.Model.GetRelationalModel());
        var targetSql = target.GetService<ISqlGenerationHelper>();
        var sourceSql = source.GetService<ISqlGenerationHelper>();

        // The migrations seed the default approval rules: the source's own rows replace them.
        var seeded = SeededTables(target);
        var occupied = new List<string>();
        foreach (var table in tables)
        {
            if (seeded.Contains(table.Name))
            {
                await ExecuteAsync(targetConnection, write.GetDbTransaction(), [$"DELETE FROM {targetSql.DelimitIdentifier(table.Name, table.Schema)};"], ct);
                continue;
            }

            var rows = await CountAsync(targetConnection, write.GetDbTransaction(), targetSql, table, ct);
            if (rows > 0)
            {
                occupied.Add($"{table.Name} ({rows})");
            }
        }

        if (occupied.Count > 0)
        {
            throw new MoveDataException(
                $"The target database is not empty: {string.Join(", ", occupied)}. Data moves only into an empty database; nothing was written.");
        }

        var sourceModel = source.Model.GetRelationalModel();
        var copier = new TableCopier(sourceConnection, snapshot, sourceSql, targetConnection, write.GetDbTransaction(), targetSql);
        var dialect = TargetDialect.For(provider, targetSql);
        var counts = new List<TableCount>();
        foreach (var table in tables)
        {
            var from = sourceModel.FindTable(table.Name, null) ?? throw new MoveDataException($"The SQLite model has no table {table.Name}.");
            await ExecuteAsync(targetConnection, write.GetDbTransaction(), dialect.BeforeInsert(table), ct);
            await copier.CopyAsync(from, table, ct);
            await ExecuteAsync(targetConnection, write.GetDbTransaction(), dialect.AfterInsert(table), ct);
            counts.Add(new(table.Name,
                await CountAsync(sourceConnection, snapshot, sourceSql, from, ct),
                await CountAsync(targetConnection, write.GetDbTransaction(), targetSql, table, ct)));
        }

        var chain = await AuditChain.VerifyAsync(target.AuditEvents.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable(), signer, cancellationToken: ct);
        var report = new MoveReport(counts, chain);
        await report.WriteAsync(output);
        if (report.Mismatched.Count > 0)
        {
            throw new MoveDataException($"The row counts differ in {string.Join(", ", report.Mismatched.Select(c => c.Table))}; nothing was committed.");
        }

        if (!chain.IsIntact)
        {
            throw new MoveDataException($"The audit chain does not verify on the target (event {chain.FirstBrokenEventId}: {chain.Reason}); nothing was committed.");
        }

        await write.CommitAsync(ct);
        return report;
    }

    /// <summary>The tables whose rows the migrations insert (HasData), so that a freshly migrated database is not empty there.</summary>
    private static HashSet<string> SeededTables(AppDbContext target) =>
        [target.Model.FindEntityType(typeof(ApprovalRule))!.GetTableName()!];

    /// <summary>A database without the app's schema gets it from its provider's migrations; one with an older schema is refused.</summary>
    private async Task PrepareSchemaAsync(AppDbContext target, DatabaseProvider provider, CancellationToken ct)
    {
        if (!(await target.Database.GetAppliedMigrationsAsync(ct)).Any())
        {
            await output.WriteLineAsync($"Creating the app's tables in the {provider} database.");
            await target.Database.MigrateAsync(ct);
        }
        else if ((await target.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            throw new MoveDataException("The target database already holds the app's tables of another release; data moves only into an empty database. Nothing was written.");
        }
    }

    private static async Task<long> CountAsync(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, ITable table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {sql.DelimitIdentifier(table.Name, table.Schema)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> statements, CancellationToken ct)
    {
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
