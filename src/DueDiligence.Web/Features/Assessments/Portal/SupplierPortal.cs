using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Assessments.Threads;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>What the supplier contact sees: its sections and questions with guidance, its own answers, files and conversations.</summary>
public sealed record PortalView(
    string ContactName, string SupplierName, string InvitedByName, DateOnly Deadline, bool Submitted,
    IReadOnlyList<SectionDefinition> Sections, IReadOnlyDictionary<string, PortalAnswer> Answers,
    IReadOnlyList<PortalFile> Files, IReadOnlyList<PortalThread> Threads, IReadOnlySet<string> Changeable);

/// <summary>An answer as the contact gave it, with the version its next save starts from.</summary>
public sealed record PortalAnswer(Answer? Value, Guid Version);

public sealed record PortalFile(Guid Id, string QuestionCode, string FileName, long Length, DateTime UploadedAtUtc);

public sealed record PortalThread(string QuestionCode, bool IsOpen, IReadOnlyList<ThreadMessage> Messages);

/// <summary>
/// The supplier contact's side of the portal. Every call takes the invitation as <see cref="PortalSession"/> loaded it just
/// now and checks it against the assessment again; the contact never sees scores, tiers, knock-outs, weights, findings,
/// our comments or answers, or anything outside its sections.
/// </summary>
public sealed class SupplierPortal(
    IDbContextFactory<AppDbContext> dbFactory, AnswerQuestion answers, UploadEvidence uploads, EvidenceStore store, Notifier notifier, PortalSession session,
    TimeProvider time)
{
    public async Task<PortalView> LoadAsync(SupplierInvitation invitation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Answers).Include(a => a.Evidence).AsSplitQuery()
            .FirstAsync(a => a.Id == invitation.AssessmentId, cancellationToken);
        SupplierAccess.RequireUsable(invitation, assessment.Id, time.UtcNow());
        var supplierName = await db.Suppliers.Where(s => s.Id == assessment.SupplierId).Select(s => s.LegalName).FirstAsync(cancellationToken);
        var sections = assessment.Template.Sections.Where(s => invitation.Covers(s.Code)).Select(ForSupplier).ToList();
        var codes = sections.SelectMany(s => s.Questions).Select(q => q.Code).ToHashSet(StringComparer.Ordinal);
        var contactId = invitation.ContactActor.Id;
        var given = assessment.Answers.Where(a => codes.Contains(a.QuestionCode)).ToDictionary(
            a => a.QuestionCode,
            // Someone of ours may have answered first: the contact starts from that version, but never sees our answer or comment.
            a => new PortalAnswer(a.UpdatedById == contactId ? a.ToScoringAnswer() with { ManualRating = null } : null, a.Version),
            StringComparer.Ordinal);
        var files = assessment.Evidence.Where(e => e.UploadedById == contactId && !e.IsWithdrawn)
            .Select(e => new PortalFile(e.Id, e.QuestionCode, e.OriginalFileName, e.Length, e.UploadedAtUtc)).ToList();
        // Only the conversations with this contact: never another contact's, never an internal one.
        var threads = await db.ClarificationThreads.AsNoTracking().Include(t => t.Messages)
            .Where(t => t.InvitationId == invitation.Id).ToListAsync(cancellationToken);
        return new PortalView(
            invitation.ContactName, supplierName, invitation.InvitedByName, invitation.Deadline, invitation.SubmittedAtUtc is not null,
            sections, given, files,
            threads.Select(t => new PortalThread(t.QuestionCode, t.IsOpen, ThreadMessage.ListOf(t))).ToList(),
            codes.Where(invitation.CanChange).ToHashSet(StringComparer.Ordinal));
    }

    public Task<SavedAnswer> AnswerAsync(SupplierInvitation invitation, AnswerInput answer, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        // A rating is ours to give; whatever the contact's browser sends, it gives none.
        return RecordingRefusalAsync(invitation, () => answers.ExecuteForContactAsync(invitation, answer with { ManualRating = null }, expectedVersion, cancellationToken));
    }

    public async Task<PortalFile> UploadAsync(SupplierInvitation invitation, string questionCode, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var file = await RecordingRefusalAsync(invitation, () => uploads.ExecuteForContactAsync(invitation, questionCode, fileName, content, cancellationToken));
        return new PortalFile(file.Id, file.QuestionCode, file.OriginalFileName, file.Length, file.UploadedAtUtc);
    }

    /// <summary>The contact hands its answers over: read-only to it from now on; the analyst is told.</summary>
    public async Task SubmitAsync(SupplierInvitation invitation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.SupplierInvitations.FirstAsync(i => i.Id == invitation.Id, cancellationToken);
        var assessment = await db.Assessments.AsNoTracking().FirstAsync(a => a.Id == stored.AssessmentId, cancellationToken);
        SupplierAccess.RequireUsable(stored, assessment.Id, time.UtcNow());
        if (stored.SubmittedAtUtc is not null && stored.ReopenedQuestions.Count == 0)
        {
            throw new Domain.Common.DomainException($"You already submitted your answers on {IsoDates.Day(stored.SubmittedAtUtc.Value)}.");
        }

        stored.Submit(time.UtcNow());
        await notifier.SupplierRespondedAsync(db, assessment.AnalystId, $"{stored.ContactName} submitted answers",
            $"{stored.ContactName} submitted the answers to {Wording(stored)}: review and accept them, or ask about them.", $"/assessments/{assessment.Id}",
            AssessmentAccess.Participants, cancellationToken);
        await db.SaveOrConflictAsync("Your answers changed in another window a moment ago. Reload the page and submit again.", cancellationToken);
    }

    /// <summary>
    /// The contact answers in the conversation about one of its questions, with a file if one is given (through the same
    /// checks as evidence uploads); the analyst is told.
    /// </summary>
    public async Task ReplyAsync(
        SupplierInvitation invitation, string questionCode, string? text, AttachmentUpload? attachment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.AsNoTracking().FirstAsync(a => a.Id == invitation.AssessmentId, cancellationToken);
        await RecordingRefusalAsync(invitation, () =>
        {
            SupplierAccess.RequireCovers(invitation, assessment, questionCode, time.UtcNow());
            return Task.FromResult(true);
        });
        var thread = await db.ClarificationThreads.Include(t => t.Messages)
            .FirstOrDefaultAsync(t => t.InvitationId == invitation.Id && t.QuestionCode == questionCode, cancellationToken)
            ?? throw new Domain.Common.DomainException($"Nobody has asked about {questionCode} yet; change your answer or comment instead.");
        await store.SendAsync(attachment, async file =>
        {
            thread.Add(text, invitation.ContactActor, fromSupplier: true, file, time.UtcNow());
            await notifier.SupplierRespondedAsync(db, assessment.AnalystId, $"{invitation.ContactName} replied about {questionCode}",
                $"{invitation.ContactName} replied to your question about {questionCode}.", $"/assessments/{assessment.Id}", AssessmentAccess.Participants, cancellationToken);
            await db.SaveOrConflictAsync("Someone wrote in this conversation a moment ago. Reload the page to read it, then send again.", cancellationToken);
            return thread;
        }, cancellationToken);
    }

    /// <summary>A request outside the invitation is refused, and recorded in the audit trail as a security event.</summary>
    private async Task<T> RecordingRefusalAsync<T>(SupplierInvitation invitation, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (ForbiddenException refused)
        {
            await session.RecordAsync(SecurityEvent.PortalRefused, invitation, $"{PortalRefusal.OutsideInvitation}: {refused.Message}");
            throw;
        }
    }

    private static string Wording(SupplierInvitation invitation) =>
        invitation.SectionCodes.Count == 1 ? $"section {invitation.SectionCodes[0]}" : $"sections {string.Join(", ", invitation.SectionCodes)}";

    /// <summary>A copy of the section without anything that tells how we score: weights, knock-outs, bands, mitigation advice.</summary>
    private static SectionDefinition ForSupplier(SectionDefinition section)
    {
        var copy = section.Clone();
        copy.Weight = 1;
        foreach (var question in copy.Questions)
        {
            question.Weight = 1;
            question.KnockOut = null;
            question.Bands = [];
            question.Inverted = false;
            question.Mitigation = "";
        }

        return copy;
    }
}
