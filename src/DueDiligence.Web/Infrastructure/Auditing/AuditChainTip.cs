using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DueDiligence.Web.Infrastructure.Auditing;

/// <summary>
/// Where the audit chain stands, read inside a transaction that holds the chain's lock: its last event (the next one links
/// to its hash) and the newest checkpoint with the hash the trail now holds for that checkpoint's event (checked before
/// linking). Valid only in that <paramref name="Transaction"/>: no other writer can grow the chain until it ends.
/// </summary>
internal sealed record AuditChainTip(IDbContextTransaction Transaction, AuditStatement? Checkpoint, long? LastId, string? LastHash, string? CheckpointHash)
{
    /// <summary>Reads it in a query of its own (the append does when nothing read it before).</summary>
    public static async Task<AuditChainTip> ReadAsync(AppDbContext db, AuditStatement? checkpoint, CancellationToken cancellationToken)
    {
        var checkpointEvent = checkpoint?.EventId;
        var read = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Id == checkpointEvent || e.Id == db.AuditEvents.Max(last => (long?)last.Id))
            .Select(e => new { e.Id, e.Hash }).ToListAsync(cancellationToken);
        var last = read.MaxBy(e => e.Id);
        return new(db.Database.CurrentTransaction!, checkpoint, last?.Id, last?.Hash, read.Find(e => e.Id == checkpointEvent)?.Hash);
    }
}

/// <summary>Reading where the audit chain stands with a change's own first query, to spare its audited save a round trip.</summary>
public static class AuditChainTipQueries
{
    /// <summary>
    /// The first row of <paramref name="query"/>, read in one round trip with where the audit chain stands: the audited
    /// save that follows in this transaction links to it instead of reading it again. Only inside a transaction that took
    /// the chain's lock before reading anything (<see cref="AppDbContext.LockAuditChainAsync"/>), so that the chain cannot
    /// move before that save.
    /// </summary>
    public static async Task<T?> FirstWithAuditChainTipAsync<T>(
        this IQueryable<T> query, AppDbContext db, AuditCheckpoints checkpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(checkpoints);
        if (!db.HoldsAuditChainLock)
        {
            throw new InvalidOperationException("The audit chain's tip is read inside the transaction that holds its lock.");
        }

        var checkpoint = checkpoints.NewestToCheck();
        var checkpointEvent = checkpoint?.EventId;
        var row = await query.Select(r => new WithTip<T>
        {
            Row = r,
            LastId = db.AuditEvents.Max(e => (long?)e.Id),
            LastHash = db.AuditEvents.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefault(),
            CheckpointHash = db.AuditEvents.Where(e => e.Id == checkpointEvent).Select(e => e.Hash).FirstOrDefault(),
        }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return default;
        }

        db.AuditChainTip = new AuditChainTip(db.Database.CurrentTransaction!, checkpoint, row.LastId, row.LastHash, row.CheckpointHash);
        return row.Row;
    }

    private sealed class WithTip<T>
    {
        public required T Row { get; init; }

        public long? LastId { get; init; }

        public string? LastHash { get; init; }

        public string? CheckpointHash { get; init; }
    }
}
