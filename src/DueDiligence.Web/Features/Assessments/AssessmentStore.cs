using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>Loading assessments with everything they hold, and scoring them against their supplier as of a day.</summary>
public sealed class AssessmentStore(JurisdictionRiskLookup jurisdictions, TimeProvider time)
{
    public static IQueryable<Assessment> WithChildren(AppDbContext db) => db.Assessments
        .Include(a => a.Answers).Include(a => a.Evidence).Include(a => a.Findings).Include(a => a.Conditions)
        .Include(a => a.Waivers).Include(a => a.ScoreSnapshots).Include(a => a.Transitions).Include(a => a.SignOffs).Include(a => a.CarriedSections)
        .AsSplitQuery();

    /// <summary>
    /// The assessment with everything it holds, for reading: as <see cref="WithChildren"/>, but a child collection that has
    /// no rows is not queried (a draft has no findings, conditions, waivers or sign-offs yet). One query reads the row and
    /// which collections have rows, then one query each loads those collections into it — except a draft's answers and
    /// transitions, which one query loads together (see <see cref="LoadDraftAnswersAndTransitionsAsync"/>); null when there
    /// is no such assessment. The context tracks what it read (loading into the row needs it): read with a context of its
    /// own, not one that saves.
    /// </summary>
    public static async Task<Assessment?> ReadAsync(AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var head = await db.Assessments.AsTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                Assessment = a,
                Answers = a.Answers.Any(),
                Evidence = a.Evidence.Any(),
                Findings = a.Findings.Any(),
                Conditions = a.Conditions.Any(),
                Waivers = a.Waivers.Any(),
                ScoreSnapshots = a.ScoreSnapshots.Any(),
                Transitions = a.Transitions.Any(),
                SignOffs = a.SignOffs.Any(),
                CarriedSections = a.CarriedSections.Any(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var entry = db.Entry(head.Assessment);
        if (head.Assessment.Status == AssessmentStatus.Draft && head.Answers && head.Transitions)
        {
            await LoadDraftAnswersAndTransitionsAsync(db, entry, cancellationToken);
        }
        else
        {
            await LoadIfAnyAsync(head.Answers, entry.Collection(a => a.Answers), cancellationToken);
            await LoadIfAnyAsync(head.Transitions, entry.Collection(a => a.Transitions), cancellationToken);
        }

        await LoadIfAnyAsync(head.Evidence, entry.Collection(a => a.Evidence), cancellationToken);
        await LoadIfAnyAsync(head.Findings, entry.Collection(a => a.Findings), cancellationToken);
        await LoadIfAnyAsync(head.Conditions, entry.Collection(a => a.Conditions), cancellationToken);
        await LoadIfAnyAsync(head.Waivers, entry.Collection(a => a.Waivers), cancellationToken);
        await LoadIfAnyAsync(head.ScoreSnapshots, entry.Collection(a => a.ScoreSnapshots), cancellationToken);
        await LoadIfAnyAsync(head.SignOffs, entry.Collection(a => a.SignOffs), cancellationToken);
        await LoadIfAnyAsync(head.CarriedSections, entry.Collection(a => a.CarriedSections), cancellationToken);
        return head.Assessment;
    }

    /// <summary>
    /// A draft's answers and transitions in one query (a join: a row per answer and transition). A draft has few transitions
    /// — its start, and two for each time it was returned — so the join multiplies its answers by that few, and the wizard's
    /// page saves a round trip. An assessment past the draft has more of them, and its lists are read one by one.
    /// </summary>
    private static async Task LoadDraftAnswersAndTransitionsAsync(AppDbContext db, EntityEntry<Assessment> entry, CancellationToken cancellationToken)
    {
        var id = entry.Entity.Id;
        await db.Assessments.AsTracking().Where(a => a.Id == id)
            .Select(a => new { a.Answers, a.Transitions }) // tracked: fixed up into the assessment already read
            .AsSingleQuery()
            .ToListAsync(cancellationToken);
        entry.Collection(a => a.Answers).IsLoaded = true;
        entry.Collection(a => a.Transitions).IsLoaded = true;
    }

    // A finding's or condition's history and evidence are always loaded with it (FollowUp): split, so that their rows
    // are not multiplied by each other.
    private static async Task LoadIfAnyAsync<T>(bool any, CollectionEntry<Assessment, T> children, CancellationToken cancellationToken)
        where T : class
    {
        if (any)
        {
            await children.Query().AsSplitQuery().LoadAsync(cancellationToken);
            children.IsLoaded = true;
        }
    }

    public static async Task<Assessment> LoadAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await WithChildren(db).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new DomainException("This assessment no longer exists.");

    /// <summary>
    /// Refuses a change made on another version than the one the client read (<paramref name="expectedVersion"/>, an API
    /// client's If-Match). Null expects no particular version, as the pages do: their save still catches a change meanwhile.
    /// </summary>
    public static void RequireVersion(Assessment assessment, Guid? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (expectedVersion is { } expected && assessment.Version != expected)
        {
            throw new ConcurrencyConflictException(ConflictMessage);
        }
    }

    public static async Task<Supplier> SupplierOfAsync(AppDbContext db, Assessment assessment, CancellationToken cancellationToken) =>
        await db.Suppliers.Include(s => s.Sites).Include(s => s.Subcontractors).Include(s => s.Exposure).Include(s => s.Collaborators)
            .AsSingleQuery() // a few rows each: one join is cheaper than five round trips
            .FirstAsync(s => s.Id == assessment.SupplierId, cancellationToken);

    /// <summary>
    /// The score of the assessment today (live, policy <see cref="ScoringPolicy.Default"/>), with the supplier's current
    /// exposure and the countries where our IP is exposed (<see cref="Supplier.ExposureCountries"/>).
    /// </summary>
    public async Task<AssessmentScore> ScoreAsync(Assessment assessment, Supplier supplier, CancellationToken cancellationToken)
    {
        var countries = await jurisdictions.ForAsync(supplier.ExposureCountries(), cancellationToken);
        return Score(assessment, supplier, countries, time.Today());
    }

    /// <summary>The score of the assessment as of a day, with the risks of the supplier's countries already read.</summary>
    public static AssessmentScore Score(Assessment assessment, Supplier supplier, IReadOnlyList<CountryRisk> countries, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(supplier);
        var input = assessment.ToScoringInput(supplier.MaxSensitivity, countries.Select(c => c.Risk).ToList(), asOf);
        return new AssessmentScore(ScoringEngine.Score(input), countries);
    }

    /// <summary>
    /// Saves a change to the assessment's content — an answer or an uploaded file — which carries its own version, so that
    /// people changing different questions at once never conflict. Inside the same transaction the assessment must still be a
    /// draft, and its version moves on, so that a submission read before this change is refused instead of missing it.
    /// </summary>
    public static Task SaveContentAsync(AppDbContext db, Guid assessmentId, CancellationToken cancellationToken) =>
        SaveContentAsync(db, assessmentId, () => Task.FromResult(true), cancellationToken);

    /// <summary>
    /// As <see cref="SaveContentAsync(AppDbContext, Guid, CancellationToken)"/>, with the change made by
    /// <paramref name="change"/> inside the transaction, after it took the audit chain's lock: every audited writer, in
    /// every instance (a submission too), waits for that lock, so what <paramref name="change"/> reads is what its save
    /// meets, and it may read the chain's tip with its first query
    /// (<see cref="Infrastructure.Auditing.AuditChainTipQueries.FirstWithAuditChainTipAsync"/>) instead of the audited save reading it.
    /// </summary>
    public static async Task<T> SaveContentAsync<T>(AppDbContext db, Guid assessmentId, Func<Task<T>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAuditChainAsync(cancellationToken);
        var changed = await change();
        await SaveAsync(db, cancellationToken);
        var stamp = Guid.NewGuid();
        var stillDraft = await db.Assessments.Where(a => a.Id == assessmentId && a.Status == AssessmentStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, stamp), cancellationToken);
        if (stillDraft == 0)
        {
            throw new DomainException("This assessment was submitted a moment ago, so its answers and evidence no longer change. Reload the page to see it.");
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>Saves, turning a concurrent change of the assessment into a message that loses nothing.</summary>
    public static Task SaveAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync(ConflictMessage, cancellationToken);

    private const string ConflictMessage =
        "Someone else changed this assessment a moment ago. Nothing was overwritten; reload the page to see their change, then try again.";
}

/// <summary>A score with the countries it was computed from.</summary>
public sealed record AssessmentScore(ScoreResult Result, IReadOnlyList<CountryRisk> Countries);
