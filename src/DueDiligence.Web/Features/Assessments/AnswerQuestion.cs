using System.Security.Claims;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>What a saved answer gives back: its new version (for the next save of that question), when and who saved it.</summary>
public sealed record SavedAnswer(string QuestionCode, Guid Version, DateTime SavedAtUtc, Actor SavedBy);

/// <summary>An answer to save, with the version of the saved answer it replaces (null when the question had none).</summary>
public sealed record ExpectedAnswer(AnswerInput Answer, Guid? ExpectedVersion);

/// <summary>
/// The owning analyst, or a supplier contact through the portal, saves one answer as it is given (autosave). A save based on
/// an older version of that answer (a second editor saved it meanwhile) is refused with <see cref="StaleAnswerException"/>;
/// nothing is overwritten. Versions are per answer: people answering different questions at once never conflict.
/// The assessment is read inside the save's transaction, after it took the audit chain's lock (every audited writer waits
/// for it), in one query with where the chain stands, which the audited save links to: see docs/benchmarks.md.
/// </summary>
public sealed class AnswerQuestion(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AuditCheckpoints checkpoints, TimeProvider time)
{
    public async Task<SavedAnswer> ExecuteAsync(Guid assessmentId, AnswerInput answer, Guid? expectedAnswerVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var (principal, actor) = await AnalystAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await AssessmentStore.SaveContentAsync(db, assessmentId, async () =>
        {
            var assessment = await LoadForAnalystAsync(db, principal, assessmentId, [answer.QuestionCode], cancellationToken);
            var now = time.UtcNow();
            var saved = assessment.RecordAnswer(answer, actor, now, expectedAnswerVersion);
            return new SavedAnswer(saved.QuestionCode, saved.Version, now, actor);
        }, cancellationToken);
    }

    /// <summary>
    /// The analyst records the answers a supplier gave in its questionnaire workbook, each from the version the import's
    /// preview showed: all are saved or, if one is refused (stale or invalid), none. Each is marked as given by
    /// <paramref name="givenBy"/> and counts once the analyst accepts it, as a portal answer does.
    /// </summary>
    public async Task<IReadOnlyList<SavedAnswer>> ExecuteForSupplierAsync(
        Guid assessmentId, IReadOnlyList<ExpectedAnswer> answers, string givenBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var (principal, actor) = await AnalystAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await AssessmentStore.SaveContentAsync(db, assessmentId, async () =>
        {
            var assessment = await LoadForAnalystAsync(db, principal, assessmentId, [.. answers.Select(a => a.Answer.QuestionCode)], cancellationToken);
            var now = time.UtcNow();
            var saved = answers.Select(a => assessment.RecordSupplierAnswer(a.Answer, actor, givenBy, now, a.ExpectedVersion)).ToList();
            return (IReadOnlyList<SavedAnswer>)saved.ConvertAll(a => new SavedAnswer(a.QuestionCode, a.Version, now, actor));
        }, cancellationToken);
    }

    /// <summary>
    /// A supplier contact saves an answer through the portal. The invitation, loaded fresh by the portal, must be usable,
    /// for this assessment, cover the question's section and still allow changing it (not submitted, or the question reopened).
    /// </summary>
    public async Task<SavedAnswer> ExecuteForContactAsync(SupplierInvitation invitation, AnswerInput answer, Guid? expectedAnswerVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(answer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await AssessmentStore.SaveContentAsync(db, invitation.AssessmentId, async () =>
        {
            var (assessment, _) = await LoadAsync(db, invitation.AssessmentId, [answer.QuestionCode], cancellationToken);
            var now = time.UtcNow();
            SupplierAccess.RequireCanChange(invitation, assessment, answer.QuestionCode, now);
            var saved = assessment.RecordSupplierAnswer(answer, invitation.ContactActor, now, expectedAnswerVersion);
            return new SavedAnswer(saved.QuestionCode, saved.Version, now, invitation.ContactActor);
        }, cancellationToken);
    }

    /// <summary>The analyst who saves, known before the save's transaction begins (reading the session may need the database).</summary>
    private async Task<(ClaimsPrincipal Principal, Actor Actor)> AnalystAsync()
    {
        var actor = await currentUser.GetActorAsync();
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst);
        return (await currentUser.GetPrincipalAsync(), actor);
    }

    private async Task<Assessment> LoadForAnalystAsync(
        AppDbContext db, ClaimsPrincipal principal, Guid assessmentId, string[] questionCodes, CancellationToken cancellationToken)
    {
        var (assessment, supplier) = await LoadAsync(db, assessmentId, questionCodes, cancellationToken);
        AssessmentAccess.Require(AssessmentAccess.WorksOn(principal, assessment, supplier), $"{AssessmentAccess.WorkersOnly} answers it.");
        return assessment;
    }

    /// <summary>
    /// In one query, for a save: the assessment with its saved answers to these questions only (a save touches no other),
    /// its supplier with the owner and collaborators who may work on it, and where the audit chain stands (for the save's
    /// audit event).
    /// </summary>
    private async Task<(Assessment Assessment, Supplier Supplier)> LoadAsync(
        AppDbContext db, Guid assessmentId, string[] questionCodes, CancellationToken cancellationToken)
    {
        var loaded = await (
                from assessment in db.Assessments
                join supplier in db.Suppliers on assessment.SupplierId equals supplier.Id
                where assessment.Id == assessmentId
                select new
                {
                    Assessment = assessment,
                    Answers = assessment.Answers.Where(a => questionCodes.Contains(a.QuestionCode)).ToList(),
                    Supplier = supplier,
                    Team = supplier.Collaborators.ToList(),
                })
            .AsSingleQuery()
            .FirstWithAuditChainTipAsync(db, checkpoints, cancellationToken)
            ?? throw new Domain.Common.DomainException("This assessment no longer exists.");

        // Tracked: the answers and collaborators are in their parents' collections now.
        return (loaded.Assessment, loaded.Supplier);
    }
}
