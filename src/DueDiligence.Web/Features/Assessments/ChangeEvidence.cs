using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// The owning analyst withdraws a file attached to a draft (superseded, wrong document) with a reason. The file and its
/// SHA-256 stay in the store and in the assessment for the audit; it no longer counts as evidence.
/// </summary>
public sealed class WithdrawEvidence(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<EvidenceFile> ExecuteAsync(Guid assessmentId, Guid evidenceId, string? reason, CancellationToken cancellationToken = default)
    {
        await using var change = await EvidenceChange.OpenAsync(dbFactory, currentUser, assessmentId, "withdraws its evidence", cancellationToken);
        var file = change.Assessment.WithdrawEvidence(evidenceId, reason, change.Actor, time.UtcNow());
        await AssessmentStore.SaveAsync(change.Db, cancellationToken);
        return file;
    }
}

/// <summary>The owning analyst sets, corrects or clears the expiry date of a file already attached to a draft.</summary>
public sealed class ChangeEvidenceExpiry(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<EvidenceFile> ExecuteAsync(Guid assessmentId, Guid evidenceId, DateOnly? expiresOn, CancellationToken cancellationToken = default)
    {
        await using var change = await EvidenceChange.OpenAsync(dbFactory, currentUser, assessmentId, "dates its evidence", cancellationToken);
        var file = change.Assessment.ChangeEvidenceExpiry(evidenceId, expiresOn, change.Actor, time.UtcNow());
        await AssessmentStore.SaveAsync(change.Db, cancellationToken);
        return file;
    }
}

/// <summary>An assessment with its evidence, loaded for a change by its owning analyst.</summary>
internal sealed class EvidenceChange : IAsyncDisposable
{
    private EvidenceChange(AppDbContext db, Assessment assessment, Actor actor)
    {
        Db = db;
        Assessment = assessment;
        Actor = actor;
    }

    public AppDbContext Db { get; }

    public Assessment Assessment { get; }

    public Actor Actor { get; }

    public static async Task<EvidenceChange> OpenAsync(
        IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, Guid assessmentId, string what, CancellationToken cancellationToken)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst);
        var principal = await currentUser.GetPrincipalAsync();
        var actor = await currentUser.GetActorAsync();
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            var assessment = await db.Assessments.Include(a => a.Evidence)
                .FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
                ?? throw new Domain.Common.DomainException("This assessment no longer exists.");
            AssessmentAccess.Require(
                AssessmentAccess.WorksOn(principal, assessment, await AssessmentAccess.SupplierTeamAsync(db, assessment, cancellationToken)),
                $"{AssessmentAccess.WorkersOnly} {what}.");
            return new EvidenceChange(db, assessment, actor);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
