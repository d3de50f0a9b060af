using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Features.Assessments.Threads;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>A conversation about a question as the analyst reads it.</summary>
public sealed record ThreadView(Guid Id, string QuestionCode, string ContactName, bool IsOpen, IReadOnlyList<ThreadMessage> Messages);

/// <summary>The conversations with supplier contacts on an assessment, and the questions a contact submitted that the analyst may reopen.</summary>
public sealed record SupplierConversations(IReadOnlyList<ThreadView> Threads, IReadOnlySet<string> Reopenable)
{
    public static readonly SupplierConversations None = new([], new HashSet<string>());

    public ThreadView? On(string questionCode) => Threads.FirstOrDefault(t => t.QuestionCode == questionCode);
}

/// <summary>
/// The analysts who work on an assessment review what supplier contacts answered: accept an answer (from then on it and
/// its files count), ask about it, which opens a conversation on that question and lets the contact change it again, or
/// reopen it for the contact after its submit without a question.
/// </summary>
public sealed class SupplierAnswerReview(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, EvidenceStore store, Notifier notifier, TimeProvider time)
{
    public async Task<AssessmentAnswer> AcceptAsync(Guid assessmentId, string questionCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (assessment, actor) = await RequireAnalystAsync(db, assessmentId, "accepts the supplier's answers", cancellationToken);
        var now = time.UtcNow();
        var answer = assessment.AcceptSupplierAnswer(questionCode, actor, now);
        foreach (var thread in await db.ClarificationThreads.Where(t => t.AssessmentId == assessmentId && t.QuestionCode == questionCode && t.InvitationId != null).ToListAsync(cancellationToken))
        {
            thread.Resolve(actor, now);
        }

        await AssessmentStore.SaveContentAsync(db, assessmentId, cancellationToken);
        return answer;
    }

    /// <summary>
    /// Asks the contact who gave the answer about it, with a file if one is given (through the evidence checks): a
    /// conversation opens (or continues) and the contact may change the answer again.
    /// </summary>
    public async Task<ThreadView> AskAsync(
        Guid assessmentId, string questionCode, string? question, AttachmentUpload? attachment = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (assessment, actor) = await RequireAnalystAsync(db, assessmentId, "asks the supplier about an answer", cancellationToken);
        var invitation = await InvitationForAsync(db, assessment, questionCode, cancellationToken);
        var thread = await db.ClarificationThreads.Include(t => t.Messages)
            .FirstOrDefaultAsync(t => t.InvitationId == invitation.Id && t.QuestionCode == questionCode, cancellationToken);
        await store.SendAsync(attachment, async file =>
        {
            var now = time.UtcNow();
            if (thread is null)
            {
                thread = new ClarificationThread(assessmentId, invitation.Id, questionCode, question ?? "", actor, file, now);
                db.ClarificationThreads.Add(thread);
            }
            else
            {
                thread.Add(question, actor, fromSupplier: false, file, now);
            }

            if (invitation.SubmittedAtUtc is not null)
            {
                invitation.Reopen(questionCode);
            }

            await db.SaveOrConflictAsync("The supplier wrote or changed something a moment ago; reload the page and ask again.", cancellationToken);
            return thread;
        }, cancellationToken);
        return View(thread!, invitation.ContactName);
    }

    /// <summary>
    /// Lets the contact who submitted change this one answer again (and submit again); the analysts who work on the
    /// assessment are told in the app, the contact sees it in the portal.
    /// </summary>
    public async Task ReopenAsync(Guid assessmentId, string questionCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (assessment, actor) = await RequireAnalystAsync(db, assessmentId, "reopens a question for the supplier", cancellationToken);
        var invitation = await InvitationForAsync(db, assessment, questionCode, cancellationToken);
        if (invitation.CanChange(questionCode))
        {
            throw new DomainException($"{invitation.ContactName} can already change {questionCode}.");
        }

        invitation.Reopen(questionCode);
        var ownerId = await db.Suppliers.Where(s => s.Id == assessment.SupplierId).Select(s => s.OwnerId).FirstAsync(cancellationToken);
        await notifier.AddAsync(db, NotificationAudience.Users([assessment.AnalystId, ownerId], AssessmentAccess.Participants),
            new NotificationMessage(NotificationCategory.Workflow, $"{questionCode} reopened for {invitation.ContactName}",
                $"{actor.Name} reopened {questionCode} for {invitation.ContactName}, who can change the answer and submit again.", $"/assessments/{assessmentId}"),
            cancellationToken);
        await db.SaveOrConflictAsync("The supplier changed something a moment ago; reload the page and reopen the question again.", cancellationToken);
    }

    public async Task ResolveAsync(Guid assessmentId, Guid threadId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (_, actor) = await RequireAnalystAsync(db, assessmentId, "closes a conversation with the supplier", cancellationToken);
        var thread = await db.ClarificationThreads.FirstOrDefaultAsync(t => t.Id == threadId && t.AssessmentId == assessmentId && t.InvitationId != null, cancellationToken)
            ?? throw new DomainException("That conversation is not part of this assessment; reload the page.");
        thread.Resolve(actor, time.UtcNow());
        await db.SaveOrConflictAsync("The supplier wrote a moment ago; reload the page to read it.", cancellationToken);
    }

    /// <summary>
    /// The conversations with supplier contacts on this assessment, from its threads with contacts and its invitations, and
    /// what may be reopened (read from the answers of the assessment as the page loaded it).
    /// </summary>
    internal static SupplierConversations ConversationsOf(Assessment assessment, IEnumerable<ClarificationThread> threads, IReadOnlyList<SupplierInvitation> invitations)
    {
        var names = invitations.ToDictionary(i => i.Id, i => i.ContactName);
        var reopenable = assessment.Answers
            .Where(a => invitations.Any(i => i.RevokedAtUtc is null && i.ContactActor.Id == a.UpdatedById && !i.CanChange(a.QuestionCode)))
            .Select(a => a.QuestionCode).ToHashSet(StringComparer.Ordinal);
        return new(threads.Select(t => View(t, names.GetValueOrDefault(t.InvitationId!.Value, "the supplier"))).ToList(), reopenable);
    }

    private static ThreadView View(ClarificationThread thread, string contactName) =>
        new(thread.Id, thread.QuestionCode, contactName, thread.IsOpen, ThreadMessage.ListOf(thread));

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

    private Task<(Assessment Assessment, Actor Actor)> RequireAnalystAsync(AppDbContext db, Guid assessmentId, string doing, CancellationToken cancellationToken) =>
        SupplierWork.RequireAnalystAsync(currentUser, db, db.Assessments.Include(a => a.Answers).Include(a => a.Evidence).AsSplitQuery(), assessmentId, doing, cancellationToken);
}
