using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>What a saved answer gives back: its new version (for the next save of that question), when and who saved it.</summary>
public sealed record SavedAnswer(string QuestionCode, Guid Version, DateTime SavedAtUtc, Actor SavedBy);

/// <summary>
/// The owning analyst saves one answer as it is given (autosave). A save based on an older version of that answer
/// (a second editor saved it meanwhile) is refused with <see cref="StaleAnswerException"/>; nothing is overwritten.
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
        await AssessmentStore.SaveAsync(db, cancellationToken);
        return new SavedAnswer(saved.QuestionCode, saved.Version, now, actor);
    }
}
