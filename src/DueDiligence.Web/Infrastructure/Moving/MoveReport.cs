using DueDiligence.Domain.Auditing;

namespace DueDiligence.Web.Infrastructure.Moving;

/// <summary>The rows of one table in the SQLite database and in the target after the copy.</summary>
public sealed record TableCount(string Table, long Source, long Target);

/// <summary>What a move copied and how it was checked.</summary>
public sealed record MoveReport(IReadOnlyList<TableCount> Tables, AuditChainVerification Chain)
{
    public IReadOnlyList<TableCount> Mismatched => Tables.Where(t => t.Source != t.Target).ToList();

    public async Task WriteAsync(TextWriter output)
    {
        var width = Math.Max("Table".Length, Tables.Max(t => t.Table.Length));
        await output.WriteLineAsync($"{"Table".PadRight(width)}  {"SQLite",10}  {"Target",10}");
        foreach (var table in Tables)
        {
            var flag = table.Source == table.Target ? "" : "  DIFFERS";
            await output.WriteLineAsync($"{table.Table.PadRight(width)}  {table.Source,10}  {table.Target,10}{flag}");
        }

        await output.WriteLineAsync(Chain.IsIntact
            ? $"The audit chain verifies on the target: {Chain.VerifiedCount} events."
            : $"The audit chain does NOT verify on the target: event {Chain.FirstBrokenEventId}: {Chain.Reason}");
    }
}
