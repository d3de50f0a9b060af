using System.Globalization;
using System.Runtime.CompilerServices;
using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Admin.Audit;

/// <summary>Filters of the audit log page; empty fields do not filter.</summary>
public sealed class AuditFilter
{
    public string? EntityType { get; set; }

    public string? EntityKey { get; set; }

    public string? Actor { get; set; }

    public DateTime? FromUtc { get; set; }

    public DateTime? ToUtc { get; set; }
}

/// <summary>
/// One page of audit events, how many match in all, and the names of the records the events point to by id (suppliers,
/// assessments, users, roles, sourcing projects), so that the page shows names instead of ids.
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, int Total, IReadOnlyDictionary<string, string> Names);

/// <summary>A verification of the whole chain, when it ran, and the signed receipt of its end (null unless intact).</summary>
public sealed record AuditVerificationReceipt(AuditChainVerification Verification, DateTime VerifiedAtUtc, string? Receipt);

/// <summary>A receipt to download: its file name and signed JSON.</summary>
public sealed record AuditReceiptFile(string FileName, string Json);

/// <summary>Reads the audit trail, verifies its chain and issues receipts of it. Administrators only.</summary>
public sealed class AuditLog(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AuditChainSigner signer, AuditCheckpoints checkpoints, TimeProvider clock)
{
    public async Task<AuditPage> SearchAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db.AuditEvents.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        var events = await query.OrderByDescending(e => e.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new AuditPage(events, total, await AuditRecordNames.ForAsync(db, events, withEmail: true, cancellationToken));
    }

    /// <summary>
    /// Every event matching the filter, oldest first (chain order), read as the caller consumes them: for an export of any
    /// size. The role is checked here, before the first event is read.
    /// </summary>
    public async Task<IAsyncEnumerable<AuditEvent>> ExportAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        return ReadAsync(filter, cancellationToken);
    }

    private async IAsyncEnumerable<AuditEvent> ReadAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await foreach (var e in Filtered(db.AuditEvents.AsNoTracking(), filter).OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return e;
        }
    }

    /// <summary>
    /// A full verification (<see cref="VerifyAsync"/>) with when it ran and, when the chain is intact, a signed receipt of
    /// where it ends, which <see cref="VerifyAsync"/> accepts later as proof that nothing up to there changed.
    /// </summary>
    public async Task<AuditVerificationReceipt> VerifyWithReceiptAsync(CancellationToken cancellationToken = default)
    {
        var result = await VerifyAsync(cancellationToken: cancellationToken);
        var now = clock.GetUtcNow();
        var receipt = result is { IsIntact: true, End: { } end }
            ? AuditStatement.Create(signer, AuditStatement.ReceiptKind, end.EventId, end.Mac, end.ChainVersion, end.EventCount, now).ToJson()
            : null;
        return new AuditVerificationReceipt(result, now.UtcDateTime, receipt);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEvents.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Recomputes every link in chain order, each by its rule version, and checks that the trail still ends at or beyond the
    /// newest checkpoint (and the receipt, when one is given) with the MAC it records; names the first event that does not match.
    /// </summary>
    /// <param name="receiptJson">A receipt downloaded earlier, or null.</param>
    public async Task<AuditChainVerification> VerifyAsync(string? receiptJson = null, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        var anchors = new List<AuditAnchor>();
        if (receiptJson is not null)
        {
            var receipt = AuditStatement.Parse(receiptJson);
            if (receipt is not { Kind: AuditStatement.ReceiptKind })
            {
                return Refused("The text given is not an audit receipt of DueDiligence (a JSON file downloaded with “Download receipt”).");
            }

            if (!receipt.IsSignedBy(signer))
            {
                return Refused("The receipt's signature does not match: it was altered, or it was issued by an installation with another audit chain key.");
            }

            anchors.Add(receipt.ToAnchor());
        }

        try
        {
            // Read before the table: a checkpoint written meanwhile names an event the walk below will see.
            if (await checkpoints.NewestAsync(cancellationToken) is { } checkpoint)
            {
                anchors.Add(checkpoint.ToAnchor());
            }
        }
        catch (AuditCheckpointException e)
        {
            return Refused(e.Message);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var result = await AuditChain.VerifyAsync(db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable(), signer, anchors, cancellationToken);
        if (result is { IsIntact: true, End: { } end })
        {
            await checkpoints.WriteFullVerificationAsync(end);
        }

        return result;
    }

    /// <summary>
    /// The quick check: that the trail still holds the last event of the last full verification with its MAC and the same
    /// number of events up to it, then every event since then, and the newest checkpoint. Events before that point are
    /// not walked again (a full verification does that). Without a recorded full verification, a full one.
    /// </summary>
    public async Task<AuditChainVerification> VerifySinceLastFullAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        AuditAnchor since;
        var anchors = new List<AuditAnchor>();
        try
        {
            if (checkpoints.LastFullVerification() is not { } verified)
            {
                return await VerifyAsync(cancellationToken: cancellationToken);
            }

            since = verified.ToAnchor();
            if (await checkpoints.NewestAsync(cancellationToken) is { } checkpoint)
            {
                anchors.Add(checkpoint.ToAnchor());
            }
        }
        catch (AuditCheckpointException e)
        {
            return Refused(e.Message);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recorded = await db.AuditEvents.AsNoTracking().Where(e => e.Id == since.EventId).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken);
        if (recorded != since.Mac)
        {
            var problem = recorded is null ? "is missing from the audit trail" : "no longer carries the MAC it recorded";
            return AuditChainVerification.Broken(0, since.EventId, $"this event, where {since.Source} ended, {problem}: run a full verification", new Dictionary<int, int>());
        }

        var countUpTo = await db.AuditEvents.LongCountAsync(e => e.Id <= since.EventId, cancellationToken);
        if (countUpTo != since.EventCount)
        {
            return AuditChainVerification.Broken(
                0, since.EventId,
                $"the audit trail holds {countUpTo.ToString(CultureInfo.InvariantCulture)} events up to this one, but {since.Source} counted {since.EventCount?.ToString(CultureInfo.InvariantCulture)}: events before it were removed or added",
                new Dictionary<int, int>());
        }

        var after = db.AuditEvents.AsNoTracking().Where(e => e.Id > since.EventId).OrderBy(e => e.Id).AsAsyncEnumerable();
        return await AuditChain.VerifyAsync(after, signer, anchors, cancellationToken, since);
    }

    /// <summary>
    /// A signed receipt of the chain as it ends now: its last event, that event's MAC and rule, and how many events there
    /// are. Given back to <see cref="VerifyAsync"/> later, it proves that nothing up to that event was changed or removed.
    /// </summary>
    /// <returns>Null when the trail has no event yet.</returns>
    public async Task<AuditReceiptFile?> IssueReceiptAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash, e.ChainVersion }).FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        // Appends are serialised under the chain's lock until commit, so no event below the head can still appear.
        var count = await db.AuditEvents.LongCountAsync(e => e.Id <= head.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var receipt = AuditStatement.Create(signer, AuditStatement.ReceiptKind, head.Id, head.Hash, head.ChainVersion, count, now);
        return new AuditReceiptFile($"audit-receipt-{now.UtcDateTime:yyyyMMdd-HHmmss}-event-{head.Id}.json", receipt.ToJson());
    }

    private static IQueryable<AuditEvent> Filtered(IQueryable<AuditEvent> query, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(e => e.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityKey))
        {
            query = query.Where(e => e.EntityKey.Contains(filter.EntityKey.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            query = query.Where(e => e.Actor.Contains(filter.Actor.Trim()));
        }

        if (filter.FromUtc is { } from)
        {
            query = query.Where(e => e.OccurredAtUtc >= from);
        }

        if (filter.ToUtc is { } to)
        {
            query = query.Where(e => e.OccurredAtUtc < to);
        }

        return query;
    }

    private static AuditChainVerification Refused(string reason) => AuditChainVerification.Broken(0, null, reason, new Dictionary<int, int>());
}
