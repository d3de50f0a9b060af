using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>What a saved answer gives back: its new version (for the next save of that question), when and who saved it.</summary>
public sealed record SavedAnswer(string QuestionCode, Guid Version, DateTime SavedAtUtc, Actor SavedBy);

/// <summary>
/// The owning analyst, or a supplier contact through the portal, saves one answer as it is given (autosave). A save based on
/// an older version of that answer (a second editor saved it meanwhile) is refused with <see cref="StaleAnswerException"/>;
/// nothing is overwritten. Versions are per answer: people answering different questions at once never conflict.
/// </summary>
public sealed class AnswerQuestion(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<SavedAnswer> ExecuteAsync(Guid assessmentId, AnswerInput answer, Guid? expectedAnswerVersion, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst);
        var principal = await currentUser.GetPrincipalAsync();
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.Include(a => a.Answers).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new Domain.Common.DomainException("This assessment no longer exists.");
        AssessmentAccess.Require(
            AssessmentAccess.WorksOn(principal, assessment, await AssessmentAccess.SupplierTeamAsync(db, assessment, cancellationToken)),
            $"{AssessmentAccess.WorkersOnly} answers it.");

        var now = time.UtcNow();
        var saved = assessment.RecordAnswer(answer, actor, now, expectedAnswerVersion);
        await AssessmentStore.SaveContentAsync(db, assessmentId, cancellationToken);
        return new SavedAnswer(saved.QuestionCode, saved.Version, now, actor);
    }

    /// <summary>
    /// A supplier contact saves an answer through the portal. The invitation, loaded fresh by the portal, must be usable,
    /// for this assessment, cover the question's section and still allow changing it (not submitted, or the question reopened).
    /// </summary>
    public async Task<SavedAnswer> ExecuteForContactAsync(SupplierInvitation invitation, AnswerInput answer, Guid? expectedAnswerVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(answer);
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.Include(a => a.Answers).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == invitation.AssessmentId, cancellationToken)
            ?? throw new Domain.Common.DomainException("This assessment no longer exists.");
        SupplierAccess.RequireCanChange(invitation, assessment, answer.QuestionCode, now);
        var saved = assessment.RecordSupplierAnswer(answer, invitation.ContactActor, now, expectedAnswerVersion);
        await AssessmentStore.SaveContentAsync(db, assessment.Id, cancellationToken);
        return new SavedAnswer(saved.QuestionCode, saved.Version, now, invitation.ContactActor);
    }
}
