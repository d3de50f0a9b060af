using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Agreements;

/// <summary>
/// Records a supplier's agreements, their clause checklists and signed copies (through the evidence store's checks),
/// and turns a missing clause into a contract condition on the assessment in review (through the review's own step).
/// Legal reviewers and the supplier's owner and collaborators do this; every change is audited by the save.
/// </summary>
public sealed class AgreementCommands(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, EvidenceStore store, ReviewAssessment review, AssignOwner owners, TimeProvider time)
{
    private const string Conflict = "This agreement was changed by someone else a moment ago. Nothing was changed: reload the page, then try again.";

    public async Task<Agreement> CreateAsync(Guid supplierId, AgreementInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireEditorAsync(db, supplierId, "record its agreements", cancellationToken);
        var agreement = new Agreement(supplierId, input.ToDetails(), await currentUser.GetActorNameAsync(), time.Today(), time.UtcNow());
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        return agreement;
    }

    public async Task<Agreement> UpdateAsync(Guid agreementId, Guid version, AgreementInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agreement = await LoadAsync(db, agreementId, version, "change its agreements", cancellationToken);
        agreement.Update(input.ToDetails(), time.Today());
        await db.SaveOrConflictAsync(Conflict, cancellationToken);
        return agreement;
    }

    public async Task<Agreement> CheckClauseAsync(Guid agreementId, Guid version, Guid clauseId, ClauseStatus status, string? reference, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agreement = await LoadAsync(db, agreementId, version, "check its agreements' clauses", cancellationToken);
        if (!await db.Clauses.AnyAsync(c => c.Id == clauseId, cancellationToken))
        {
            throw new DomainException("This clause is no longer in the library.");
        }

        agreement.CheckClause(clauseId, status, reference, await currentUser.GetActorNameAsync(), time.UtcNow());
        await db.SaveOrConflictAsync(Conflict, cancellationToken);
        return agreement;
    }

    /// <summary>The signed copy goes through the evidence checks (size, type, real content); a refused file changes nothing.</summary>
    public async Task<Agreement> AttachSignedFileAsync(Guid agreementId, Guid version, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agreement = await LoadAsync(db, agreementId, version, "attach signed agreements", cancellationToken);
        var by = await currentUser.GetActorNameAsync();
        try
        {
            return await store.SaveAndRecordAsync(fileName, content, async stored =>
            {
                agreement.AttachSignedFile(new SignedAgreementFile(
                    stored.StorageKey, stored.Sha256, stored.Length, stored.ContentType, stored.OriginalFileName, by, time.UtcNow()));
                await db.SaveOrConflictAsync(Conflict, cancellationToken);
                return agreement;
            }, cancellationToken);
        }
        catch (EvidenceRejectedException e)
        {
            throw new DomainException(e.Message);
        }
    }

    /// <summary>
    /// Adds the condition a missing clause suggests to the supplier's assessment in legal review (or awaiting its
    /// decision), through the review's own step: the same roles, checks and audit as a condition typed by hand.
    /// </summary>
    public async Task<ContractCondition> AddSuggestedConditionAsync(Guid agreementId, Guid clauseId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AgreementAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Clauses).FirstOrDefaultAsync(a => a.Id == agreementId, cancellationToken)
            ?? throw new DomainException("This agreement no longer exists.");
        var clause = await db.Clauses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clauseId, cancellationToken)
            ?? throw new DomainException("This clause is no longer in the library.");
        if (agreement.Clauses.FirstOrDefault(c => c.ClauseId == clauseId)?.Status != ClauseStatus.Missing)
        {
            throw new DomainException($"“{clause.Name}” is not marked missing in “{agreement.Title}”, so it suggests no condition.");
        }

        var supplier = await db.Suppliers.AsNoTracking().FirstAsync(s => s.Id == agreement.SupplierId, cancellationToken);
        var assessment = await db.Assessments.AsNoTracking()
            .Where(a => a.SupplierId == agreement.SupplierId && (a.Status == AssessmentStatus.LegalReview || a.Status == AssessmentStatus.AwaitingDecision))
            .OrderByDescending(a => a.CreatedAtUtc).Select(a => new { a.Id, Conditions = a.Conditions.Select(c => c.Description).ToList() })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException($"{supplier.LegalName} has no assessment in legal review or awaiting its decision: contract conditions are set at those steps.");
        var text = AgreementQueries.ConditionText(agreement, clause);
        if (assessment.Conditions.Contains(text))
        {
            throw new DomainException("This condition is already on the assessment.");
        }

        // The supplier's owner follows the condition up, when they may own it (an active analyst); otherwise it starts unassigned.
        var owner = (await owners.ChoicesAsync(assessment.Id, cancellationToken)).FirstOrDefault(c => c.Id == supplier.OwnerId);
        var saved = await review.AddConditionAsync(
            assessment.Id, new ConditionDetails(text, time.Today().AddDays(SuggestedDueInDays)), owner?.Id, cancellationToken);
        return saved.Assessment.Conditions.Last(c => c.Description == text);
    }

    /// <summary>A suggested condition is due in 30 days; the reviewer changes the date in the review if needed.</summary>
    internal const int SuggestedDueInDays = 30;

    private async Task<Agreement> LoadAsync(AppDbContext db, Guid agreementId, Guid version, string action, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.Include(a => a.Clauses).FirstOrDefaultAsync(a => a.Id == agreementId, cancellationToken)
            ?? throw new DomainException("This agreement no longer exists.");
        await RequireEditorAsync(db, agreement.SupplierId, action, cancellationToken);
        if (agreement.Version != version)
        {
            throw new ConcurrencyConflictException(Conflict);
        }

        return agreement;
    }

    private async Task<Supplier> RequireEditorAsync(AppDbContext db, Guid supplierId, string action, CancellationToken cancellationToken)
    {
        await currentUser.RequireAnyRoleAsync(AgreementAccess.Editors);
        var supplier = await db.Suppliers.AsNoTracking().Include(s => s.Collaborators).FirstOrDefaultAsync(s => s.Id == supplierId, cancellationToken)
            ?? throw new DomainException("This supplier no longer exists.");
        AgreementAccess.RequireEdit(await currentUser.GetPrincipalAsync(), supplier, $"{action} for {supplier.LegalName}");
        return supplier;
    }
}
