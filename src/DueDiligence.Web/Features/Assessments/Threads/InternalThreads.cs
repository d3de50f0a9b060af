using System.Security.Claims;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments.Threads;

/// <summary>An internal conversation about a question, as legal and the analyst read it.</summary>
public sealed record InternalThreadView(Guid Id, string QuestionCode, bool IsOpen, string? ResolvedByName, IReadOnlyList<ThreadMessage> Messages);

/// <summary>The internal conversations of an assessment, and what the current user may do with them.</summary>
/// <param name="CanStart">Open a conversation on a question (legal).</param>
/// <param name="CanWrite">Write in an open or resolved one, and resolve it (legal, and the analysts who work on it).</param>
public sealed record InternalConversations(IReadOnlyList<InternalThreadView> Threads, bool CanStart, bool CanWrite)
{
    public static readonly InternalConversations None = new([], false, false);

    public InternalThreadView? On(string questionCode) => Threads.FirstOrDefault(t => t.QuestionCode == questionCode);
}

/// <summary>
/// The conversations between legal and the analysts who work on an assessment, one per question; the supplier never sees
/// them. Legal opens one from the review page (or by marking evidence insufficient); both sides write in it, attach files
/// and resolve it, until the assessment is decided. Each message tells the other side, in the app and by e-mail.
/// Those who may open the assessment's files read them: the analysts who work on it, legal reviewers and executives.
/// </summary>
public sealed class InternalThreads(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, EvidenceStore store, Notifier notifier, TimeProvider time)
{
    /// <summary>Nothing for those who may not read them (other analysts).</summary>
    public async Task<InternalConversations> ListAsync(Guid assessmentId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (assessment, team) = await AssessmentAccess.WithTeamAsync(db, assessmentId, cancellationToken)
            ?? throw new DomainException("This assessment no longer exists.");
        return await ListAsync(db, assessment, team, cancellationToken);
    }

    /// <summary>As <see cref="ListAsync(Guid, CancellationToken)"/>, on the assessment and supplier the page has just loaded for this user.</summary>
    public async Task<InternalConversations> ListAsync(AssessmentView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ListAsync(db, view.Assessment, view.Supplier, cancellationToken);
    }

    private async Task<InternalConversations> ListAsync(AppDbContext db, Assessment assessment, IOwnedRecord team, CancellationToken cancellationToken)
    {
        var principal = await currentUser.GetPrincipalAsync();
        var assessmentId = assessment.Id;
        if (!MayRead(principal, assessment, team))
        {
            return InternalConversations.None;
        }

        var threads = await db.ClarificationThreads.AsNoTracking().Include(t => t.Messages)
            .Where(t => t.AssessmentId == assessmentId && t.InvitationId == null).ToListAsync(cancellationToken);
        return ConversationsOf(principal, assessment, team, threads);
    }

    /// <summary>Who reads the internal conversations: those who may open the assessment's files.</summary>
    internal static bool MayRead(ClaimsPrincipal principal, Assessment assessment, IOwnedRecord team) =>
        AssessmentAccess.CanOpenEvidence(principal, assessment, team);

    /// <summary>The internal conversations from their threads, with what this reader (one who <see cref="MayRead"/>) may do in them.</summary>
    internal static InternalConversations ConversationsOf(ClaimsPrincipal principal, Assessment assessment, IOwnedRecord team, IEnumerable<ClarificationThread> threads)
    {
        var legal = principal.IsInRole(AppRoles.LegalReviewer);
        var open = !assessment.IsReadOnly;
        return new(threads.Select(View).OrderBy(t => t.QuestionCode, StringComparer.Ordinal).ToList(),
            CanStart: open && legal, CanWrite: open && (legal || AssessmentAccess.WorksOn(principal, assessment, team)));
    }

    /// <summary>
    /// A message on the question's internal conversation; legal opens it with the first message, the analyst answers in it.
    /// The attachment, if any, passes the evidence checks first; a refused file sends nothing.
    /// </summary>
    public async Task<InternalThreadView> WriteAsync(
        Guid assessmentId, string questionCode, string? text, AttachmentUpload? attachment = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (assessment, actor, legal) = await RequireWriterAsync(db, assessmentId, cancellationToken);
        if (assessment.SectionCodeOf(questionCode) is null)
        {
            throw new DomainException($"The questionnaire has no question {questionCode}.");
        }

        var existing = await FindAsync(db, assessmentId, questionCode, cancellationToken);
        if (existing is null && !legal)
        {
            throw new DomainException($"Legal has not asked about {questionCode}; a conversation here starts from the review page.");
        }

        var thread = await store.SendAsync(attachment, async file =>
        {
            var written = await AddAsync(db, notifier, assessment, existing, questionCode, text, actor, legal, file, time.UtcNow(), cancellationToken);
            await db.SaveOrConflictAsync("Someone wrote in this conversation a moment ago. Reload the page to read it, then send again.", cancellationToken);
            return written;
        }, cancellationToken);
        return View(thread);
    }

    public async Task ResolveAsync(Guid assessmentId, Guid threadId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (_, actor, _) = await RequireWriterAsync(db, assessmentId, cancellationToken);
        var thread = await db.ClarificationThreads.FirstOrDefaultAsync(t => t.Id == threadId && t.AssessmentId == assessmentId && t.InvitationId == null, cancellationToken)
            ?? throw new DomainException("That conversation is not part of this assessment; reload the page.");
        thread.Resolve(actor, time.UtcNow());
        await db.SaveOrConflictAsync("Someone wrote in this conversation a moment ago; reload the page to read it.", cancellationToken);
    }

    /// <summary>
    /// Legal's message on the question's internal conversation, opening it if there is none, with the notification to the
    /// analysts; added to <paramref name="db"/> for the caller's save (marking evidence insufficient saves it with the mark).
    /// </summary>
    internal async Task OpenOrAddAsync(AppDbContext db, Assessment assessment, string questionCode, string text, Actor legal, CancellationToken cancellationToken) =>
        await AddAsync(db, notifier, assessment, await FindAsync(db, assessment.Id, questionCode, cancellationToken), questionCode, text, legal, fromLegal: true, null,
            time.UtcNow(), cancellationToken);

    private static async Task<ClarificationThread> AddAsync(
        AppDbContext db, Notifier notifier, Assessment assessment, ClarificationThread? thread, string questionCode, string? text, Actor actor, bool fromLegal,
        MessageAttachment? file, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (thread is null)
        {
            thread = ClarificationThread.OpenInternal(assessment.Id, questionCode, text, actor, file, nowUtc);
            db.ClarificationThreads.Add(thread);
        }
        else
        {
            thread.Add(text, actor, fromSupplier: false, file, nowUtc);
        }

        await NotifyOtherSideAsync(db, notifier, assessment, thread, questionCode, actor, fromLegal, cancellationToken);
        return thread;
    }

    /// <summary>Legal's message goes to the analyst and the supplier's owner; the analyst's to the legal reviewers who wrote in the conversation.</summary>
    private static async Task NotifyOtherSideAsync(
        AppDbContext db, Notifier notifier, Assessment assessment, ClarificationThread thread, string questionCode, Actor actor, bool fromLegal, CancellationToken cancellationToken)
    {
        var link = $"/assessments/{assessment.Id}";
        if (fromLegal)
        {
            var ownerId = await db.Suppliers.Where(s => s.Id == assessment.SupplierId).Select(s => s.OwnerId).FirstAsync(cancellationToken);
            await notifier.AddAsync(db, NotificationAudience.Users([assessment.AnalystId, ownerId], AssessmentAccess.Participants),
                new NotificationMessage(NotificationCategory.Workflow, $"Legal asks about {questionCode}", $"{actor.Name} asked about {questionCode}: open the question to answer.", link),
                cancellationToken);
            return;
        }

        // Only legal reviewers read it: the analyst's own messages are in the conversation too.
        var authors = thread.Messages.Select(m => m.AuthorId).Where(id => id.Length > 0);
        await notifier.AddAsync(db, NotificationAudience.Users(authors, [AppRoles.LegalReviewer]),
            new NotificationMessage(NotificationCategory.Workflow, $"{actor.Name} answered about {questionCode}", $"{actor.Name} answered your question about {questionCode}.", link),
            cancellationToken);
    }

    private static Task<ClarificationThread?> FindAsync(AppDbContext db, Guid assessmentId, string questionCode, CancellationToken cancellationToken) =>
        db.ClarificationThreads.Include(t => t.Messages)
            .FirstOrDefaultAsync(t => t.AssessmentId == assessmentId && t.QuestionCode == questionCode && t.InvitationId == null, cancellationToken);

    /// <summary>Legal reviewers, and the analysts who work on the assessment, until it is decided; says which side writes.</summary>
    private async Task<(Assessment Assessment, Actor Actor, bool Legal)> RequireWriterAsync(AppDbContext db, Guid assessmentId, CancellationToken cancellationToken)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.LegalReviewer, AppRoles.Analyst);
        var principal = await currentUser.GetPrincipalAsync();
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new DomainException("This assessment no longer exists.");
        var legal = principal.IsInRole(AppRoles.LegalReviewer);
        AssessmentAccess.Require(legal || AssessmentAccess.WorksOn(principal, assessment, await AssessmentAccess.SupplierTeamAsync(db, assessment, cancellationToken)),
            $"{AssessmentAccess.WorkersOnly} and legal reviewers write in its internal conversations.");
        AssessmentAccess.Require(!assessment.IsReadOnly, "The assessment is decided; its conversations are closed.");
        return (assessment, await currentUser.GetActorAsync(), legal);
    }

    private static InternalThreadView View(ClarificationThread thread) =>
        new(thread.Id, thread.QuestionCode, thread.IsOpen, thread.ResolvedByName, ThreadMessage.ListOf(thread));
}
