using System.Globalization;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Monitoring;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Notifications.Webhooks;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Risk;
using DueDiligence.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Monitoring;

/// <summary>
/// Keeps each supplier's <see cref="SupplierPosition"/> current: recomputes the live score of its newest submitted
/// assessment as the assessment page does (<see cref="AssessmentStore.Score"/>), its worst jurisdiction, control score,
/// latest decision and overdue conditions, and records what moved a decided supplier. A change and the positions it moves
/// are saved in one transaction, except a change of a whole country (<see cref="SaveThenRecomputeAsync"/>); the
/// recomputes of every instance take turns under the audit chain's lock, so a recompute never writes figures read before
/// another one's change.
/// </summary>
public sealed class SupplierPositionUpdater(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time, Notifier notifier, WebhookEvents webhooks,
    JobLeases leases, InstanceIdentity instance, ILogger<SupplierPositionUpdater> logger)
{
    private const int BatchSize = 200;

    /// <summary>How the note of a recompute still to finish is named: this prefix, the suppliers' key, a unique part.</summary>
    internal const string NotePrefix = "positions:";

    /// <summary>How long a note stays its holder's without being renewed; then another instance takes the work over.</summary>
    internal static readonly TimeSpan NoteHeldFor = TimeSpan.FromMinutes(5);

    /// <summary>The pause between two batches on SQLite, longer than a waiting writer's retry, so that other saves get in.</summary>
    private static readonly TimeSpan SqliteWritersTurn = TimeSpan.FromMilliseconds(200);

    /// <summary>Up to this many suppliers put on the queue by one change are each told of; beyond, one digest (Notifier).</summary>
    internal const int NoticesPerSupplierUpTo = 5;

    /// <summary>Saves a change (<paramref name="save"/>), then recomputes the suppliers it affects, in one transaction.</summary>
    public async Task SaveAsync(AppDbContext db, Func<Task> save, PositionTrigger trigger, AffectedSuppliers affected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(affected);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await save();
        await RecomputeInAsync(db, await affected.FindAsync(db, cancellationToken), trigger, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Saves a change that can move thousands of suppliers (a country re-rated, a knock-out added to a questionnaire), then
    /// recomputes them in batches, each in a transaction of its own: other users' saves wait for a batch, not for the whole
    /// recompute, and the positions not recomputed yet show the figures before the change for that long. The change is
    /// saved with a note of the work (a lease, <see cref="JobLeases"/>) that each batch renews and the last one removes; if
    /// this instance stops or fails first, another one takes the work over once the note has not been renewed for
    /// <see cref="NoteHeldFor"/> (<see cref="ResumeInterruptedAsync"/>).
    /// </summary>
    public async Task SaveThenRecomputeAsync(AppDbContext db, Func<Task> save, PositionTrigger trigger, AffectedSuppliers affected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(affected);
        var key = affected.Key ?? throw new ArgumentException("Only suppliers that a key finds again can be recomputed after the change.", nameof(affected));
        var note = $"{NotePrefix}{key}:{Guid.NewGuid():N}";
        db.JobLeases.Add(new JobLease(note, instance.Name, time.UtcNow() + NoteHeldFor));
        await save();
        try
        {
            await RecomputeNotedAsync(note, affected, trigger, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change itself is saved; the note brings the rest.
            logger.LogError(e, "Recomputing the suppliers after \"{What}\" stopped; the work is taken up again from its note.", trigger.What);
        }
    }

    /// <summary>Takes over the noted recomputes that their instance stopped renewing (it stopped or failed); how many.</summary>
    public async Task<int> ResumeInterruptedAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        List<string> notes;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            notes = await db.JobLeases.Where(l => l.Name.StartsWith(NotePrefix) && l.ExpiresAtUtc <= now).Select(l => l.Name).ToListAsync(cancellationToken);
        }

        var resumed = 0;
        foreach (var note in notes)
        {
            var affected = AffectedSuppliers.FromKey(note[NotePrefix.Length..note.LastIndexOf(':')]);
            if (affected?.Resumed is not { } trigger || !await leases.TryTakeAsync(note, NoteHeldFor, cancellationToken))
            {
                continue;
            }

            await RecomputeNotedAsync(note, affected, trigger, cancellationToken);
            resumed++;
        }

        return resumed;
    }

    /// <summary>Recomputes these suppliers in batches, each batch in a transaction of its own (the daily and start-up checks).</summary>
    public async Task<int> RecomputeAsync(IReadOnlyCollection<Guid> supplierIds, PositionTrigger trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supplierIds);
        // Before the app answers (start-up) no other save waits for the lock.
        await RecomputeInBatchesAsync(supplierIds, trigger, note: null, pauseForWriters: trigger.Kind != PositionTriggerKind.StartUp, cancellationToken);
        return supplierIds.Count;
    }

    private async Task RecomputeNotedAsync(string note, AffectedSuppliers affected, PositionTrigger trigger, CancellationToken cancellationToken)
    {
        List<Guid> supplierIds;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            supplierIds = await affected.FindAsync(db, cancellationToken);
        }

        await RecomputeInBatchesAsync(supplierIds, trigger, note, pauseForWriters: true, cancellationToken);
    }

    /// <summary>
    /// Each batch in a transaction of its own; the suppliers put on the queue are told of at the end, with the note (if
    /// any) removed in the same transaction. Before each batch the note is renewed: when another instance has taken it
    /// over, this one stops, tells of what it queued, and leaves the rest and the note to it.
    /// </summary>
    private async Task RecomputeInBatchesAsync(
        IReadOnlyCollection<Guid> supplierIds, PositionTrigger trigger, string? note, bool pauseForWriters, CancellationToken cancellationToken)
    {
        var byName = AppClaims.DisplayNameOf(await currentUser.GetPrincipalAsync());
        var queued = new List<Queued>();
        var batches = supplierIds.Distinct().Chunk(BatchSize).ToList();
        foreach (var batch in batches)
        {
            if (note is not null && !await leases.TryTakeAsync(note, NoteHeldFor, cancellationToken))
            {
                break;
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await db.LockAuditChainAsync(cancellationToken);
                queued.AddRange(await RecomputeBatchAsync(db, batch, trigger, byName, cancellationToken));
                await transaction.CommitAsync(cancellationToken);
            }

            if (pauseForWriters && db.Database.IsSqlite() && batch != batches[^1])
            {
                // SQLite's writers poll for its one lock: without a pause, the next batch takes it before any of them. A
                // pause of the machine's clock, not of the app's: it shares the database, not a business rule.
                await Task.Delay(SqliteWritersTurn, cancellationToken);
            }
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await NotifyAsync(db, queued, byName, cancellationToken);
            if (note is not null)
            {
                await db.JobLeases.Where(l => l.Name == note && l.Holder == instance.Name).ExecuteDeleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Suppliers with no position yet, or whose position was computed with another scoring policy.</summary>
    public async Task<List<Guid>> NotCurrentAsync(CancellationToken cancellationToken)
    {
        var policy = ScoringPolicy.Default.Id;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Suppliers
            .Where(s => !db.SupplierPositions.Any(p => p.SupplierId == s.Id && (p.PolicyId == null || p.PolicyId == policy)))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Suppliers with a submitted or decided assessment: those whose evidence can expire and whose conditions can fall overdue.</summary>
    public async Task<List<Guid>> ScoredAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SupplierPositions
            .Where(p => p.LiveAssessmentId != null || p.DecidedAssessmentId != null)
            .Select(p => p.SupplierId)
            .ToListAsync(cancellationToken);
    }

    private async Task RecomputeInAsync(
        AppDbContext db, IReadOnlyCollection<Guid> supplierIds, PositionTrigger trigger, CancellationToken cancellationToken)
    {
        await db.LockAuditChainAsync(cancellationToken);
        var byName = AppClaims.DisplayNameOf(await currentUser.GetPrincipalAsync());
        var callers = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        var queued = new List<Queued>();
        foreach (var batch in supplierIds.Distinct().Chunk(BatchSize))
        {
            queued.AddRange(await RecomputeBatchAsync(db, batch, trigger, byName, cancellationToken));
            // What the batch tracked is saved now: let it go, so that each save's change detection does not scan every batch
            // before it again (a re-rating of 14,000 suppliers grew quadratic). What the caller tracked stays.
            foreach (var saved in db.ChangeTracker.Entries().Where(e => !callers.Contains(e.Entity)).ToList())
            {
                saved.State = EntityState.Detached;
            }
        }

        await NotifyAsync(db, queued, byName, cancellationToken);
    }

    /// <summary>
    /// The owners and the executives are told of the suppliers this change put on the queue, in its transaction: of each
    /// when they are few, in one digest when there are more (a re-rated country can queue thousands).
    /// </summary>
    private async Task NotifyAsync(AppDbContext db, List<Queued> queued, string byName, CancellationToken cancellationToken)
    {
        if (queued.Count == 0)
        {
            return;
        }

        if (queued.Count <= NoticesPerSupplierUpTo)
        {
            foreach (var (supplier, _, notice) in queued)
            {
                await notifier.SupplierChangedSinceDecisionAsync(db, supplier, notice, cancellationToken);
            }
        }
        else
        {
            var whats = queued.Select(q => q.What).Distinct(StringComparer.Ordinal).ToList();
            var reason = whats.Count == 1
                ? $"{whats[0]} (by {byName})."
                : $"{whats[0]}, and {Wording.Count(whats.Count - 1, "other change")} (by {byName}).";
            await notifier.SuppliersChangedSinceDecisionAsync(db, queued.ConvertAll(q => q.Supplier), reason, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Recomputes and saves one batch; returns the suppliers it put on the queue, to be told of.</summary>
    private async Task<List<Queued>> RecomputeBatchAsync(
        AppDbContext db, Guid[] batch, PositionTrigger trigger, string byName, CancellationToken cancellationToken)
    {
        var queued = new List<Queued>();
        var now = time.UtcNow();
        var today = time.Today();
        var suppliers = await db.Suppliers.AsNoTracking().Include(s => s.Sites).Include(s => s.Subcontractors).Include(s => s.Exposure).AsSplitQuery()
            .Where(s => batch.Contains(s.Id)).ToListAsync(cancellationToken);
        var scored = await ScoredAssessmentsAsync(db, batch, cancellationToken);
        var controlScores = await ControlScoresAsync(db, batch, cancellationToken);
        var risks = await RisksAsync(db, suppliers.SelectMany(s => s.ExposureCountries()).Distinct().ToList(), cancellationToken);
        var positions = await db.SupplierPositions.Where(p => batch.Contains(p.SupplierId)).ToDictionaryAsync(p => p.SupplierId, cancellationToken);

        foreach (var supplier in suppliers)
        {
            var (live, decided) = scored.GetValueOrDefault(supplier.Id);
            var (values, knockOuts) = ValuesOf(supplier, live, decided, controlScores.TryGetValue(supplier.Id, out var c) ? c : null, risks, today);
            var isNew = !positions.TryGetValue(supplier.Id, out var position);
            if (position is null)
            {
                position = new SupplierPosition(supplier.Id);
                db.SupplierPositions.Add(position);
            }

            var what = Shorten(Describe(trigger, position, isNew, values, live, decided, knockOuts, today));
            var move = position.Update(values, what, now);
            if (values.DecidedAssessmentId is null)
            {
                continue;
            }

            if (move.WentOnQueue || (move.Moved && !isNew && !move.NewDecision) || trigger.Kind == PositionTriggerKind.Information)
            {
                db.SupplierPositionChanges.Add(new SupplierPositionChange(supplier.Id, what, byName, now, move.Before, move.After));
            }

            if (move.WentOnQueue)
            {
                // The webhooks are written in the same transaction as the change that put it on the queue; the notices once every batch is done.
                queued.Add(new Queued(new SupplierOnQueue(supplier.Id, supplier.LegalName, supplier.OwnerId), what, NoticeText(what, byName, position)));
                await webhooks.RaiseAsync(
                    db, WebhookEvent.SupplierChangedSinceDecision(supplier.Id, position.Decided.Tier?.ToString(), position.Live.Tier?.ToString(), position.OverdueConditions),
                    cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }

    /// <summary>A supplier a change put on the queue: what changed, and the notice of it alone.</summary>
    private sealed record Queued(SupplierOnQueue Supplier, string What, string Notice);

    /// <summary>What changed, the figures at the decision and today, and why that puts the supplier on the queue.</summary>
    private static string NoticeText(string what, string byName, SupplierPosition position)
    {
        var why = new List<string>(2);
        if (position.LiveTierIsWorseThanDecided)
        {
            why.Add("its tier today is worse than at the decision");
        }

        if (position.OverdueConditions > 0)
        {
            why.Add($"{Wording.Count(position.OverdueConditions, "contract condition")} of the decision {Wording.IsAre(position.OverdueConditions)} overdue");
        }

        var (decided, live) = (position.Decided, position.Live);
        return string.Create(CultureInfo.InvariantCulture,
            $"{what} (by {byName}). At the decision: {decided.Tier} R {decided.ResidualRisk:0.0}; today: {live.Tier} R {live.ResidualRisk:0.0}. " +
            $"On the queue because {string.Join(", and ", why)}.");
    }

    /// <summary>The supplier's position today, and the knock-outs its live assessment triggers today.</summary>
    private static (PositionValues Values, IReadOnlyList<KnockOutHit> KnockOuts) ValuesOf(
        Supplier supplier, Assessment? live, Assessment? decided, double? controlScore, IReadOnlyDictionary<CountryCode, CountryRisk> risks, DateOnly today)
    {
        var countries = supplier.ExposureCountries();
        var countryRisks = countries.Select(c => risks.GetValueOrDefault(c) ?? CountryRisk.Unknown(c)).ToList();
        var level = WorstJurisdiction.Of(countries, risks);
        var score = live is null ? null : AssessmentStore.Score(live, supplier, countryRisks, today).Result;
        var decision = decided?.ScoreSnapshots.Where(k => k.Kind == ScoreSnapshotKind.Decision).MaxBy(k => k.TakenAtUtc);
        var values = new PositionValues(
            live?.Id, score?.Tier, score?.ResidualRisk, score?.PolicyId,
            controlScore, ControlScoreBand.Of(controlScore)?.Lower,
            countryRisks.Max(c => c.Risk.Value), WorstJurisdiction.StoredLevelOf(level),
            decided?.Id, decision?.Tier, decision?.ResidualRisk, decision?.PolicyId, decided?.DecidedAtUtc,
            decided?.Conditions.Count(c => c.IsOverdueOn(today)) ?? 0,
            decided?.Findings.Count(f => f.IsOverdueOn(today)) ?? 0);
        return (values, score?.KnockOuts ?? []);
    }

    /// <summary>The newest assessment past its draft and the newest decided one of each supplier, with everything they hold.</summary>
    private static async Task<Dictionary<Guid, (Assessment? Live, Assessment? Decided)>> ScoredAssessmentsAsync(AppDbContext db, Guid[] batch, CancellationToken cancellationToken)
    {
        var heads = await db.Assessments.AsNoTracking()
            .Where(a => batch.Contains(a.SupplierId) && a.Status != AssessmentStatus.Draft)
            .Select(a => new { a.Id, a.SupplierId, a.Status, a.CreatedAtUtc, a.DecidedAtUtc })
            .ToListAsync(cancellationToken);
        var picks = heads.GroupBy(h => h.SupplierId).ToDictionary(
            g => g.Key,
            g => (Live: g.MaxBy(h => (h.CreatedAtUtc, h.Id))?.Id, Decided: g.Where(h => h.Status == AssessmentStatus.Decided).MaxBy(h => (h.DecidedAtUtc, h.Id))?.Id));
        var wanted = picks.Values.SelectMany(p => new[] { p.Live, p.Decided }).OfType<Guid>().Distinct().ToList();
        var loaded = await AssessmentStore.WithChildren(db).AsNoTracking().Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        return picks.ToDictionary(
            p => p.Key,
            p => (p.Value.Live is { } l ? loaded[l] : null, p.Value.Decided is { } d ? loaded[d] : null));
    }

    /// <summary>C of the latest decision snapshot, else of the latest submission snapshot: the order of the supplier list's "cband" filter.</summary>
    private static async Task<Dictionary<Guid, double>> ControlScoresAsync(AppDbContext db, Guid[] batch, CancellationToken cancellationToken)
    {
        var snapshots = await db.Assessments.AsNoTracking()
            .Where(a => batch.Contains(a.SupplierId))
            .SelectMany(a => a.ScoreSnapshots, (a, k) => new { a.SupplierId, k.Kind, k.TakenAtUtc, k.Id, k.ControlScore })
            .ToListAsync(cancellationToken);
        return snapshots.GroupBy(k => k.SupplierId).ToDictionary(
            g => g.Key,
            g => g.OrderByDescending(k => k.Kind == ScoreSnapshotKind.Decision).ThenByDescending(k => k.TakenAtUtc).ThenByDescending(k => k.Id).First().ControlScore);
    }

    private static async Task<IReadOnlyDictionary<CountryCode, CountryRisk>> RisksAsync(AppDbContext db, List<CountryCode> countries, CancellationToken cancellationToken)
    {
        var known = await db.Jurisdictions.AsNoTracking().Include(j => j.Indicators).Include(j => j.Ratings).AsSplitQuery()
            .Where(j => countries.Contains(j.Country)).ToListAsync(cancellationToken);
        return known.ToDictionary(j => j.Country, CountryRisk.Of);
    }

    /// <summary>
    /// What the entry says: the trigger's words, or for the daily check what the days since the last computation changed;
    /// a position computed for the first time at start-up says what changed since the decision, or the policy switch.
    /// </summary>
    private static string Describe(
        PositionTrigger trigger, SupplierPosition position, bool isNew, PositionValues values, Assessment? live, Assessment? decided,
        IReadOnlyList<KnockOutHit> knockOuts, DateOnly today)
    {
        switch (trigger.Kind)
        {
            case PositionTriggerKind.Daily:
                return Details(isNew ? today.AddDays(-1) : DateOnly.FromDateTime(position.ComputedAtUtc));
            case PositionTriggerKind.StartUp:
                var previousPolicy = isNew ? values.DecidedPolicyId : position.PolicyId;
                if (previousPolicy is not null && values.PolicyId is not null && previousPolicy != values.PolicyId)
                {
                    return PositionTrigger.PolicySwitch(previousPolicy);
                }

                return isNew && values.DecidedAtUtc is { } decidedAt ? Details(DateOnly.FromDateTime(decidedAt)) : trigger.What;
            default:
                return trigger.What;
        }

        string Details(DateOnly since) => DailyChanges.Describe(live, decided, knockOuts, since, today) ?? trigger.What;
    }

    private static string Shorten(string what) => what.Length <= 1000 ? what : what[..999] + "…";
}
