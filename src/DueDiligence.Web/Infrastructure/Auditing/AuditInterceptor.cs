using System.Data.Common;
using System.Text.Json.Nodes;
using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DueDiligence.Web.Infrastructure.Auditing;

/// <summary>
/// Writes an <see cref="AuditEvent"/> for every insert, update and delete in the same transaction as the change,
/// chained to the last event. Before the last hash is read, the transaction is opened here (unless the caller opened one)
/// and the provider's lock on the chain is taken inside it (SQLite: BEGIN IMMEDIATE; SQL Server: an application lock;
/// PostgreSQL: an advisory lock), held until commit: two writers, in one process or in several, never fork the chain.
/// A caller may take the lock before it reads anything and read the chain's tip with its own first query; the append of
/// that transaction then links to that tip.
/// Each event is linked by the current rule (an HMAC with the chain key); once the transaction commits, its last event is
/// written as a signed checkpoint outside the database (<see cref="AuditCheckpoints"/>).
/// </summary>
public sealed class AuditInterceptor(CurrentUser currentUser, TimeProvider clock, AuditChainSigner signer, AuditCheckpoints checkpoints)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new NotSupportedException("Use SaveChangesAsync: the audit trail needs the current user, which is read asynchronously.");

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db)
        {
            return result;
        }

        db.ChangeTracker.DetectChanges();
        // Orphaned children (a removed site) are deleted now, so that they are audited as deletes, not as updates.
        db.ChangeTracker.CascadeChanges();
        var changes = AuditEntryBuilder.Collect(db.ChangeTracker);
        if (changes.Count == 0)
        {
            return result;
        }

        if (db.Database.CurrentTransaction is null)
        {
            db.AuditTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }

        changes = await AuditSubjects.ResolveAsync(db, changes, cancellationToken);
        await AppendAsync(db, signer, checkpoints, await currentUser.GetActorNameAsync(), clock.UtcNow(), changes, cancellationToken);
        return result;
    }

    /// <summary>
    /// Inside the caller's transaction: takes the provider's lock on the chain (unless this transaction took it already),
    /// reads its last hash and adds one event per entry after it (written by the caller's save). The one place where the
    /// chain grows. Where the chain stands is read once, after the lock: by a query of its own, or before this append with
    /// the caller's first query (<see cref="AuditChainTipQueries.FirstWithAuditChainTipAsync"/>, in this transaction
    /// only). If the newest checkpoint's event is no longer in the trail as recorded, a
    /// <see cref="AuditChain.TamperingFoundType"/> event comes first, so that linking past a gap never hides it.
    /// </summary>
    internal static async Task AppendAsync(
        AppDbContext db, AuditChainSigner signer, AuditCheckpoints checkpoints, string actor, DateTime now, IEnumerable<AuditEntryBuilder.Entry> entries,
        CancellationToken cancellationToken)
    {
        await db.LockAuditChainAsync(cancellationToken);
        // One read: the last event, whose hash the next one links to, and the event the newest checkpoint records. A tip
        // read earlier is spent here: once this append's events are added, the chain has moved on.
        var readBefore = db.AuditChainTip;
        db.AuditChainTip = null;
        var tip = readBefore is not null && ReferenceEquals(readBefore.Transaction, db.Database.CurrentTransaction)
            ? readBefore
            : await AuditChainTip.ReadAsync(db, checkpoints.NewestToCheck(), cancellationToken);
        var previousHash = tip.LastHash ?? AuditChain.Genesis;
        if (tip.Checkpoint is { } checkpoint && checkpoints.TamperingFound(checkpoint, tip.CheckpointHash, tip.LastId) is { } finding)
        {
            var details = new JsonObject { ["Finding"] = new JsonObject { ["after"] = finding } };
            entries = [new AuditEntryBuilder.Entry(AuditChain.TamperingFoundType, "audit-trail", AuditAction.Insert, details.ToJsonString()), .. entries];
        }

        foreach (var entry in entries)
        {
            var audit = AuditEvent.Create(signer, previousHash, now, actor, entry.EntityType, entry.EntityKey, entry.Action, entry.ChangesJson, entry.Subject.SupplierKey);
            db.AuditEvents.Add(audit);
            db.UncommittedAuditHead = audit;
            previousHash = audit.Hash;
        }
    }

    /// <summary>The appended events are in the database now (their ids are assigned): the last of them becomes the checkpoint.</summary>
    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db)
        {
            return;
        }

        db.AuditChainTip = null;
        if (db.UncommittedAuditHead is { } head)
        {
            db.UncommittedAuditHead = null;
            await checkpoints.WriteAsync(head);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            db.AuditChainTip = null;
            db.UncommittedAuditHead = null;
        }

        return Task.CompletedTask;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EndOwnTransactionAsync(eventData.Context, commit: true);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        EndOwnTransactionAsync(eventData.Context, commit: false);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        EndOwnTransactionAsync(eventData.Context, commit: false);

    private static async Task EndOwnTransactionAsync(DbContext? context, bool commit)
    {
        if (context is not AppDbContext { AuditTransaction: { } transaction } db)
        {
            return;
        }

        db.AuditTransaction = null;
        if (commit)
        {
            await transaction.CommitAsync(CancellationToken.None);
        }
        else
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }

        await transaction.DisposeAsync();
    }
}
