using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DueDiligence.Web.Infrastructure.Moving;

/// <summary>
/// Copies the rows of one table between two databases, column by column as the model maps them: each value is read as
/// the source provider stores it (SQLite keeps ids, times and amounts as text), turned into the model's value by the
/// source's type mapping, and written as the target stores it by the target's type mapping. Ids are kept.
/// </summary>
public sealed class TableCopier(DbConnection source, DbTransaction sourceSnapshot, ISqlGenerationHelper sourceSql,
    DbConnection target, DbTransaction targetTransaction, ISqlGenerationHelper targetSql)
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    /// <returns>The number of rows copied.</returns>
    public async Task<long> CopyAsync(ITable from, ITable to, CancellationToken ct)
    {
        var columns = to.Columns.Select(column => new CopiedColumn(
            from.FindColumn(column.Name) ?? throw new MoveDataException($"The SQLite table {from.Name} has no column {column.Name}: is it at the app's latest migration?"),
            column)).ToList();
        var keyOrder = from.PrimaryKey is { } key ? $" ORDER BY {string.Join(", ", key.Columns.Select(c => sourceSql.DelimitIdentifier(c.Name)))}" : "";

        await using var select = source.CreateCommand();
        select.Transaction = sourceSnapshot;
        select.CommandText = $"SELECT {string.Join(", ", columns.Select(c => sourceSql.DelimitIdentifier(c.From.Name)))} FROM {sourceSql.DelimitIdentifier(from.Name, from.Schema)}{keyOrder}";
        var insertSql = $"INSERT INTO {targetSql.DelimitIdentifier(to.Name, to.Schema)} ({string.Join(", ", columns.Select(c => targetSql.DelimitIdentifier(c.To.Name)))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => targetSql.GenerateParameterNamePlaceholder($"p{i}")))})";

        long rows = 0;
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            await using var insert = target.CreateCommand();
            insert.Transaction = targetTransaction;
            insert.CommandText = insertSql;
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].Read(reader, i);
                insert.Parameters.Add(columns[i].TargetMapping.CreateParameter(insert, targetSql.GenerateParameterName($"p{i}"), value, columns[i].To.IsNullable));
            }

            await insert.ExecuteNonQueryAsync(ct);
            rows++;
        }

        return rows;
    }

    /// <summary>A column of both tables, with how its values are stored on each side.</summary>
    private sealed class CopiedColumn
    {
        private readonly RelationalTypeMapping _sourceMapping;
        private readonly Type _storedType;
        private readonly MethodInfo _readStored;

        public CopiedColumn(IColumn from, IColumn to)
        {
            From = from;
            To = to;
            TargetMapping = to.PropertyMappings.First().TypeMapping;
            _sourceMapping = from.PropertyMappings.First().TypeMapping;
            var stored = _sourceMapping.Converter?.ProviderClrType ?? _sourceMapping.ClrType;
            _storedType = Nullable.GetUnderlyingType(stored) ?? stored;
            _readStored = GetFieldValue.MakeGenericMethod(_storedType);
        }

        public IColumn From { get; }

        public IColumn To { get; }

        public RelationalTypeMapping TargetMapping { get; }

        /// <summary>The model's value of the column in the current row, or null.</summary>
        public object? Read(DbDataReader reader, int ordinal)
        {
            if (reader.IsDBNull(ordinal))
            {
                return null;
            }

            try
            {
                var stored = _readStored.Invoke(reader, [ordinal]);
                return _sourceMapping.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
            }
            catch (TargetInvocationException e) when (e.InnerException is FormatException or InvalidCastException or OverflowException)
            {
                throw new MoveDataException($"The value of {From.Table.Name}.{From.Name} in SQLite cannot be read as {_storedType.Name}: {e.InnerException.Message}");
            }
        }
    }
}
