using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>A conversation about a question as the analyst reads it.</summary>
public sealed record ThreadView(Guid Id, string QuestionCode, string ContactName, bool IsOpen, IReadOnlyList<PortalMessage> Messages);

/// <summary>
/// The analysts who work on an assessment review what supplier contacts answered: accept an answer (from then on it and
/// its files count), or ask about it, which opens a conversation on that question and lets the contact change it again.
/// </summary>
public sealed class SupplierAnswerReview(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<AssessmentAnswer> AcceptAsync(Guid assessmentId, string questionCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (assessment, actor) = await RequireAnalystAsync(db, assessmentId, "accepts the supplier's answers", cancellationToken);
        var now = time.UtcNow();
        var answer = assessment.AcceptSupplierAnswer(questionCode, actor, now);
        foreach (var thread in await db.ClarificationThreads.Where(t => t.AssessmentId == assessmentId && t.QuestionCode == questionCode).ToListAsync(cancellationToken))
        {
            thread.Resolve(actor, now);
        }

        await AssessmentStore.SaveContentAsync(db, assessmentId, cancellationToken);
        return answer;
    }

    /// <summary>Asks the contact who gave the answer about it: a conversation opens (or continues) and the contact may change the answer again.</summary>
    public async Task<ThreadView> AskAsync(Guid assessmentId, string questionCode, string? question, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (assessment, actor) = await RequireAnalystAsync(db, assessmentId, "asks the supplier about an answer", cancellationToken);
        var invitation = await InvitationForAsync(db, assessment, questionCode, cancellationToken);
        var now = time.UtcNow();
        var thread = await db.ClarificationThreads.Include(t => t.Messages)
            .FirstOrDefaultAsync(t => t.InvitationId == invitation.Id && t.QuestionCode == questionCode, cancellationToken);
        if (thread is null)
        {
            thread = new ClarificationThread(assessmentId, invitation.Id, questionCode, question ?? "", actor, now);
            db.ClarificationThreads.Add(thread);
        }
        else
        {
            thread.Add(question, actor, fromSupplier: false, attachmentId: null, now);
        }

        if (invitation.SubmittedAtUtc is not null)
        {
            invitation.Reopen(questionCode);
        }

        await db.SaveOrConflictAsync("The supplier wrote or changed something a moment ago; reload the page and ask again.", cancellationToken);
        return View(thread, invitation.ContactName);
    }

    public async Task ResolveAsync(Guid assessmentId, Guid threadId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (_, actor) = await RequireAnalystAsync(db, assessmentId, "closes a conversation with the supplier", cancellationToken);
        var thread = await db.ClarificationThreads.FirstOrDefaultAsync(t => t.Id == threadId && t.AssessmentId == assessmentId, cancellationToken)
            ?? throw new DomainException("That conversation is not part of this assessment; reload the page.");
        thread.Resolve(actor, time.UtcNow());
        await db.SaveOrConflictAsync("The supplier wrote a moment ago; reload the page to read it.", cancellationToken);
    }

    /// <summary>Every conversation with supplier contacts on this assessment, for those who may read it.</summary>
    public async Task<IReadOnlyList<ThreadView>> ThreadsAsync(Guid assessmentId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var threads = await db.ClarificationThreads.AsNoTracking().Include(t => t.Messages).Where(t => t.AssessmentId == assessmentId).ToListAsync(cancellationToken);
        var names = await db.SupplierInvitations.AsNoTracking().Where(i => i.AssessmentId == assessmentId).ToDictionaryAsync(i => i.Id, i => i.ContactName, cancellationToken);
        return threads.Select(t => View(t, names.GetValueOrDefault(t.InvitationId, "the supplier"))).ToList();
    }

    private static ThreadView View(ClarificationThread thread, string contactName) =>
        new(thread.Id, thread.QuestionCode, contactName, thread.IsOpen,
            thread.Messages.OrderBy(m => m.SentAtUtc).Select(m => new PortalMessage(m.AuthorName, m.FromSupplier, m.Text, m.SentAtUtc)).ToList());

    /// <summary>The invitation of the contact who gave the answer, or else the one invitation that covers the question.</summary>
    private static async Task<SupplierInvitation> InvitationForAsync(AppDbContext db, Assessment assessment, string questionCode, CancellationToken cancellationToken)
    {
        var section = assessment.SectionCodeOf(questionCode) ?? throw new DomainException($"The questionnaire has no question {questionCode}.");
        var invitations = await db.SupplierInvitations.Where(i => i.AssessmentId == assessment.Id && i.RevokedAtUtc == null).ToListAsync(cancellationToken);
        var answeredBy = assessment.AnswerTo(questionCode)?.UpdatedById;
        return invitations.FirstOrDefault(i => i.ContactActor.Id == answeredBy)
            ?? invitations.Where(i => i.Covers(section)).OrderByDescending(i => i.IssuedAtUtc).FirstOrDefault()
            ?? throw new DomainException($"No supplier contact is invited to answer {questionCode}; invite one first.");
    }

    private async Task<(Assessment Assessment, Actor Actor)> RequireAnalystAsync(AppDbContext db, Guid assessmentId, string doing, CancellationToken cancellationToken)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst);
        var principal = await currentUser.GetPrincipalAsync();
        var actor = await currentUser.GetActorAsync();
        var assessment = await db.Assessments.Include(a => a.Answers).Include(a => a.Evidence).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new DomainException("This assessment no longer exists.");
        AssessmentAccess.Require(AssessmentAccess.CanEditAnswers(principal, assessment, await AssessmentAccess.SupplierTeamAsync(db, assessment, cancellationToken)),
            $"{AssessmentAccess.WorkersOnly} {doing}, while the assessment is a draft.");
        return (assessment, actor);
    }
}
